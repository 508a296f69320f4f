// An allocator that overwrites memory before freeing it, for buffers that
// hold the API token or a password (Beast's header and body storage).
#pragma once

#include <openssl/crypto.h>

#include <cstddef>
#include <memory>

namespace okta_plugin::wire {

template <class T>
struct wiping_allocator {
    using value_type = T;

    wiping_allocator() noexcept = default;
    template <class U>
    wiping_allocator(const wiping_allocator<U>&) noexcept {}

    T* allocate(std::size_t count) { return std::allocator<T>{}.allocate(count); }
    void deallocate(T* pointer, std::size_t count) noexcept {
        OPENSSL_cleanse(pointer, count * sizeof(T));
        std::allocator<T>{}.deallocate(pointer, count);
    }

    template <class U>
    bool operator==(const wiping_allocator<U>&) const noexcept {
        return true;
    }
};

}  // namespace okta_plugin::wire
