#pragma once
// Result<T>: the value of a fallible function, or an Error with a code and a
// message for a human. A small stand-in for C++23 std::expected (this project
// builds as C++20 with g++ 12), with the same spelling where it matters.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace claimtrack {

enum class ErrorCode {
    InvalidInput,  // the user gave something we cannot take (bad UTF-8, unknown id, ...)
    NotFound,      // a file or record that should exist does not
    Io,            // the operating system refused a read or write
    ReadOnly,      // the project file cannot be written
    Busy,          // another process holds the project's write lock
    NotAProject,   // the file is not a Claimtrack project
    TooNew,        // the project was written by a newer Claimtrack
    Database,      // SQLite failed in a way the user did not cause
    Stale,         // a record changed after the user read it; the message says who changed what
    NotAllowed,    // the server refused the user's role the change (or the project): the message says why
};

struct Error {
    ErrorCode code;
    std::string message;
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : m_state(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool has_value() const { return m_state.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() & {
        assert(has_value());
        return std::get<0>(m_state);
    }
    const T& value() const& {
        assert(has_value());
        return std::get<0>(m_state);
    }
    T&& value() && {
        assert(has_value());
        return std::get<0>(std::move(m_state));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    // By value, so `for (auto& x : *f())` and `*f()` bound to a reference keep the value alive.
    T operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const {
        assert(!has_value());
        return std::get<1>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT(google-explicit-constructor)

    bool has_value() const { return !m_failed; }
    explicit operator bool() const { return has_value(); }
    const Error& error() const {
        assert(m_failed);
        return m_error;
    }

private:
    Error m_error{ErrorCode::InvalidInput, {}};
    bool m_failed = false;
};

inline Error makeError(ErrorCode code, std::string message) {
    return Error{code, std::move(message)};
}

// Success or the error of `result`, its value dropped.
template <class T>
Result<void> withoutValue(const Result<T>& result) {
    return result ? Result<void>() : Result<void>(result.error());
}

}  // namespace claimtrack
