#include "sql.h"

namespace claimtrack::sql {

void CursorReleaser::operator()(Cursor* cursor) const {
    std::unique_ptr<Cursor> owned(cursor);
    if (!cache)
        return;
    cursor->reset();
    auto& slot = cache->m_cursors[cursor->sql()];
    if (!slot)  // else a second copy, prepared while the first was lent out: deleted
        slot = std::move(owned);
}

Statement::Statement(const Connection& connection, std::string_view sql)
    : m_cursor(connection.prepare(sql, false).release(), CursorReleaser{}) {}

Statement& Statement::bind(int index, std::int64_t value) {
    m_cursor->bind(index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    m_cursor->bindText(index, text);
    return *this;
}

Statement& Statement::bindOrNull(int index, std::string_view text) {
    return text.empty() ? bindNull(index) : bind(index, text);
}

Statement& Statement::bind(int index, std::optional<double> value) {
    if (!value)
        return bindNull(index);
    m_cursor->bind(index, *value);
    return *this;
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value) {
    return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bindNull(int index) {
    m_cursor->bindNull(index);
    return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes) {
    m_cursor->bindBlob(index, bytes);
    return *this;
}

std::optional<double> Statement::number(int column) const {
    if (isNull(column))
        return std::nullopt;
    return m_cursor->real(column);
}

std::optional<std::int64_t> Statement::optionalInteger(int column) const {
    if (isNull(column))
        return std::nullopt;
    return integer(column);
}

std::int64_t Connection::queryInteger(const char* sql) {
    Statement statement(*this, sql);
    return statement.step() ? statement.integer(0) : 0;
}

Statement Connection::cached(const std::string& sql) {
    auto it = m_cursors.find(sql);
    std::unique_ptr<Cursor> cursor = it == m_cursors.end() ? prepare(sql, true)
                                     : it->second          ? std::move(it->second)
                                                           : prepare(sql, false);  // the first is lent out
    return Statement(std::unique_ptr<Cursor, CursorReleaser>(cursor.release(), CursorReleaser{this}));
}

}  // namespace claimtrack::sql
