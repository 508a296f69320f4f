#include "identifiers.hpp"

#include <atomic>
#include <random>
#include <string_view>

namespace okta_sandbox {
namespace {

constexpr std::string_view alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

std::mt19937_64& thread_generator() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return generator;
}

}  // namespace

std::string random_alphanumeric(std::size_t length) {
  std::uniform_int_distribution<std::size_t> pick(0, alphanumerics.size() - 1);
  std::string text(length, '0');
  for (char& c : text) c = alphanumerics[pick(thread_generator())];
  return text;
}

std::string new_user_id() { return "00u" + random_alphanumeric(17); }

std::string new_error_id() { return "oae" + random_alphanumeric(22); }

std::string new_request_id() {
  // A random per-process prefix plus a counter: unique within the run by construction,
  // and different between runs so logs from two sandboxes never collide.
  static const std::string prefix = random_alphanumeric(12);
  static std::atomic<std::uint64_t> counter{0};
  std::uint64_t n = counter.fetch_add(1, std::memory_order_relaxed);
  std::string suffix(10, '0');
  for (auto it = suffix.rbegin(); it != suffix.rend(); ++it) {
    *it = alphanumerics[n % alphanumerics.size()];
    n /= alphanumerics.size();
  }
  return prefix + suffix;
}

}  // namespace okta_sandbox
