#include "okta/protocol/json_body.hpp"

#include <boost/container/pmr/memory_resource.hpp>
#include <boost/json/serializer.hpp>

#include <openssl/crypto.h>

#include <array>
#include <new>

namespace okta_plugin::okta {
namespace {

// Blocks of default alignment come from plain new, as Boost.JSON's default
// resource makes them: a parse that fails part-way frees values it built
// before the error through the target storage, so a block may be made by one
// resource and freed by the other, and both must agree on how.
class wiping_resource final : public boost::container::pmr::memory_resource {
    static constexpr std::size_t default_alignment = __STDCPP_DEFAULT_NEW_ALIGNMENT__;

    void* do_allocate(std::size_t bytes, std::size_t alignment) override {
        if (alignment <= default_alignment) {
            return ::operator new(bytes);
        }
        return ::operator new(bytes, std::align_val_t(alignment));
    }
    void do_deallocate(void* block, std::size_t bytes, std::size_t alignment) override {
        OPENSSL_cleanse(block, bytes);
        // Unsized: Clang declares the sized form only with -fsized-deallocation.
        if (alignment <= default_alignment) {
            ::operator delete(block);
        } else {
            ::operator delete(block, std::align_val_t(alignment));
        }
    }
    bool do_is_equal(const memory_resource& other) const noexcept override { return this == &other; }
};

}  // namespace

boost::json::storage_ptr wiping_json_storage() noexcept {
    static wiping_resource resource;
    return boost::json::storage_ptr(&resource);
}

namespace {

template <class Json>
wire::wiping_string serialise_wiping(const Json& body) {
    wire::wiping_string text;
    boost::json::serializer writer;
    writer.reset(&body);
    std::array<char, 1024> chunk{};
    while (!writer.done()) {
        text.append(writer.read(chunk.data(), chunk.size()));
    }
    OPENSSL_cleanse(chunk.data(), chunk.size());
    return text;
}

}  // namespace

wire::wiping_string to_body_text(const boost::json::value& body) { return serialise_wiping(body); }

wire::wiping_string to_body_text(const boost::json::object& body) { return serialise_wiping(body); }

}  // namespace okta_plugin::okta
