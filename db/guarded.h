#pragma once
// How db/ turns failures into Results: code inside a `guarded` body throws
// sql::Failure (from the database, or through `refuse` for a check of ours), the
// open Transaction rolls back as the stack unwinds, and the public function
// returns the error.

#include "sql.h"

#include <string>
#include <type_traits>

namespace claimtrack::db {

[[noreturn]] inline void refuse(ErrorCode code, std::string message) {
    throw sql::Failure({code, std::move(message)});
}

// Runs `body`, turning a Failure thrown inside it into the Result's error.
template <class Body>
auto guarded(Body&& body) -> Result<decltype(body())> {
    try {
        if constexpr (std::is_void_v<decltype(body())>) {
            body();
            return {};
        } else {
            return body();
        }
    } catch (const sql::Failure& failure) {
        return failure.error();
    }
}

// The value of `result`, or its error thrown as a Failure.
template <class T>
T orRefuse(Result<T> result) {
    if (!result)
        throw sql::Failure(result.error());
    if constexpr (!std::is_void_v<T>)
        return std::move(result).value();
}

}  // namespace claimtrack::db
