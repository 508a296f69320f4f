#include "response_recorder.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <unistd.h>

namespace okta_sandbox {

response_recorder::response_recorder(const std::string& path)
    : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644)) {
  if (fd_ < 0) throw std::runtime_error("cannot open " + path + " to record responses: " + std::strerror(errno));
}

response_recorder::~response_recorder() { ::close(fd_); }

void response_recorder::record(std::string_view method, std::string_view path, unsigned status,
                               std::string_view body) {
  std::string line = boost::json::serialize(
      boost::json::object{{"method", method}, {"path", path}, {"status", status}, {"body", body}});
  line += '\n';
  // One write() per line on an O_APPEND descriptor: the kernel appends it whole,
  // so lines from concurrent writers (threads or processes) never interleave.
  std::size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = ::write(fd_, line.data() + written, line.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    written += static_cast<std::size_t>(n);
  }
}

}  // namespace okta_sandbox
