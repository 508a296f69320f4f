#include "list_cursor.hpp"

#include <openssl/evp.h>

#include <vector>

namespace okta_sandbox {
namespace {

// Three marker bytes whose base64 form is "+/+/", and a version tag.
constexpr std::string_view marker = "\xFB\xFF\xBF" "c1:";

}  // namespace

std::string encode_list_cursor(std::string_view last_user_id) {
  std::string payload(marker);
  payload += last_user_id;
  // Pad to a length that is not a multiple of 3, so the encoding ends in "=".
  if (payload.size() % 3 == 0) payload += '.';
  std::vector<unsigned char> encoded(4 * ((payload.size() + 2) / 3) + 1);
  const int length = EVP_EncodeBlock(encoded.data(), reinterpret_cast<const unsigned char*>(payload.data()),
                                     static_cast<int>(payload.size()));
  return {reinterpret_cast<const char*>(encoded.data()), static_cast<std::size_t>(length)};
}

std::optional<std::string> decode_list_cursor(std::string_view cursor) {
  if (cursor.empty() || cursor.size() % 4 != 0 || cursor.size() > 1024) return std::nullopt;
  std::vector<unsigned char> decoded(cursor.size() / 4 * 3 + 1);
  const int length = EVP_DecodeBlock(decoded.data(), reinterpret_cast<const unsigned char*>(cursor.data()),
                                     static_cast<int>(cursor.size()));
  if (length < 0) return std::nullopt;
  // EVP_DecodeBlock counts the padding as zero bytes; drop them.
  std::size_t size = static_cast<std::size_t>(length);
  if (cursor.ends_with("==")) size -= 2;
  else if (cursor.ends_with("=")) size -= 1;
  std::string payload(reinterpret_cast<const char*>(decoded.data()), size);
  if (!payload.starts_with(marker)) return std::nullopt;
  std::string id = payload.substr(marker.size());
  if (!id.empty() && id.back() == '.') id.pop_back();
  if (id.empty()) return std::nullopt;
  return id;
}

}  // namespace okta_sandbox
