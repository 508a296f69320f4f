// The throwing read_some and write_some that Beast's SyncReadStream and
// SyncWriteStream requirements ask for, written once over a stream's
// error_code overloads. A stream derives from it (CRTP) and brings both
// names into its own scope with `using`.
#pragma once

#include <boost/system/error_code.hpp>
#include <boost/system/system_error.hpp>

#include <cstddef>

namespace okta_plugin::transport {

template <class Stream>
class sync_stream_overloads {
public:
    template <class MutableBuffers>
    std::size_t read_some(const MutableBuffers& buffers) {
        boost::system::error_code ec;
        const std::size_t received = static_cast<Stream&>(*this).read_some(buffers, ec);
        if (ec) {
            throw boost::system::system_error(ec);
        }
        return received;
    }

    template <class ConstBuffers>
    std::size_t write_some(const ConstBuffers& buffers) {
        boost::system::error_code ec;
        const std::size_t sent = static_cast<Stream&>(*this).write_some(buffers, ec);
        if (ec) {
            throw boost::system::system_error(ec);
        }
        return sent;
    }
};

}  // namespace okta_plugin::transport
