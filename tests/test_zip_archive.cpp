#include "guarded.h"
#include "test_support.h"
#include "zip_archive.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <thread>

using namespace claimtrack;

namespace {

// An entry of the archive at `path` as libzip reads it back.
std::string entryText(const std::filesystem::path& path, const char* name) {
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
    if (!zip)
        return "(no archive)";
    zip_stat_t stat;
    zip_file_t* file = zip_stat(zip, name, 0, &stat) == 0 ? zip_fopen(zip, name, 0) : nullptr;
    std::string text(file ? stat.size : 0, '\0');
    const bool read =
        file && zip_fread(file, text.data(), text.size()) == static_cast<zip_int64_t>(text.size());
    if (file)
        zip_fclose(file);
    zip_discard(zip);
    return read ? text : "(not read)";
}

// The entries of the archive whose local header carries an extra field (such as Zip64's).
std::vector<std::string> entriesWithExtraFields(const std::filesystem::path& path) {
    const std::string bytes = test::readFile(path);
    std::vector<std::string> fields;
    const auto u16 = [&](std::size_t at) {
        return static_cast<std::size_t>(static_cast<unsigned char>(bytes[at]) |
                                        static_cast<unsigned char>(bytes[at + 1]) << 8);
    };
    for (std::size_t at = bytes.find("PK\x03\x04"); at != std::string::npos;
         at = bytes.find("PK\x03\x04", at + 4)) {
        const std::size_t nameLength = u16(at + 26), extraLength = u16(at + 28);
        if (extraLength > 0)
            fields.push_back(bytes.substr(at + 30, nameLength));
    }
    return fields;
}

}  // namespace

// Entries written on one thread while another packs them, as the workbook is: every byte arrives, in its
// entry, and no local header carries a Zip64 field (Excel is reported to refuse those it does not need).
TEST(ZipArchive, PacksPipedEntriesWrittenOnAnotherThread) {
    QTemporaryDir dir;
    const std::filesystem::path path = dir.filePath(QStringLiteral("piped.zip")).toStdString();
    db::ZipArchive archive(path);
    archive.addBytes("fixed.txt", "written first");
    db::EntryPipe pipe;
    archive.addPiped("one.txt", pipe);
    archive.addPiped("empty.txt", pipe);
    archive.addPiped("two.txt", pipe);

    std::string one, two;
    std::thread writer([&] {
        for (int i = 0; i < 3000; ++i) {
            std::string chunk = "chunk " + std::to_string(i) + " " + std::string(1000, 'a' + i % 26) + "\n";
            one += chunk;
            pipe.write(std::move(chunk));
        }
        pipe.endEntry();
        pipe.endEntry();  // empty.txt
        two = "the second entry";
        pipe.write(std::string(two));
        pipe.endEntry();
    });
    const auto closed = db::guarded([&] { archive.close(path); });
    writer.join();
    ASSERT_TRUE(closed) << closed.error().message;
    EXPECT_EQ(entryText(path, "fixed.txt"), "written first");
    EXPECT_EQ(entryText(path, "one.txt"), one);
    EXPECT_EQ(entryText(path, "empty.txt"), "");
    EXPECT_EQ(entryText(path, "two.txt"), two);
    EXPECT_EQ(entriesWithExtraFields(path), std::vector<std::string>{});
}

// The writer stops (the project could not be read): the packing fails and leaves no archive behind.
TEST(ZipArchive, AWriterThatFailsFailsThePackingAndLeavesNoArchive) {
    QTemporaryDir dir;
    const std::filesystem::path path = dir.filePath(QStringLiteral("failed.zip")).toStdString();
    db::ZipArchive archive(path);
    db::EntryPipe pipe;
    archive.addPiped("one.txt", pipe);
    archive.addPiped("two.txt", pipe);
    std::thread writer([&] {
        pipe.write("half of it");
        pipe.fail();
    });
    const auto closed = db::guarded([&] { archive.close(path); });
    writer.join();
    ASSERT_FALSE(closed);
    EXPECT_EQ(closed.error().code, ErrorCode::Io);
    EXPECT_NE(closed.error().message.find("failed.zip"), std::string::npos) << closed.error().message;
    EXPECT_FALSE(std::filesystem::exists(path));
}

// The packing fails (its folder is gone): a writer ahead of it, waiting to hand over more, is let go with
// the packing's error, not its own.
TEST(ZipArchive, AWriterWaitingOnAPackingThatFailedIsLetGo) {
    QTemporaryDir dir;
    const std::filesystem::path folder = dir.filePath(QStringLiteral("gone")).toStdString();
    std::filesystem::create_directory(folder);
    db::ZipArchive archive(folder / "lost.zip");
    db::EntryPipe pipe;
    archive.addPiped("big.txt", pipe);
    std::filesystem::remove(folder);
    std::size_t written = 0;
    const auto packed = db::guarded([&] {
        db::packWhileWriting(archive, pipe, folder / "lost.zip", [&] {
            for (; written < 100'000; ++written)
                pipe.write(std::string(1 << 16, 'x'));
        });
    });
    ASSERT_FALSE(packed);
    EXPECT_LT(written, 100'000u) << "the writer went on as if the archive were being written";
    EXPECT_NE(packed.error().message.find("cannot write"), std::string::npos) << packed.error().message;
    EXPECT_NE(packed.error().message.find("lost.zip"), std::string::npos) << packed.error().message;
}

// The writer fails on its own (the project could not be read): that is the error said, not the packing's
// that followed from it, and no archive is left.
TEST(ZipArchive, AWritersOwnFailureIsTheOneSaid) {
    QTemporaryDir dir;
    const std::filesystem::path path = dir.filePath(QStringLiteral("half.zip")).toStdString();
    db::ZipArchive archive(path);
    db::EntryPipe pipe;
    archive.addPiped("one.txt", pipe);
    const auto packed = db::guarded([&] {
        db::packWhileWriting(archive, pipe, path, [&] {
            pipe.write("the first rows");
            db::refuse(ErrorCode::NotFound, "the project went away");
        });
    });
    ASSERT_FALSE(packed);
    EXPECT_EQ(packed.error().code, ErrorCode::NotFound);
    EXPECT_EQ(packed.error().message, "the project went away");
    EXPECT_FALSE(std::filesystem::exists(path));
}

// An entry may hold no more than libzip was told it might (4 GB, the most without Zip64): the writer is
// refused in one line at the chunk that would pass it, not the packing at its end with "Internal error".
TEST(ZipArchive, AnEntryLargerThanFourGigabytesIsRefusedAsItIsWritten) {
    db::EntryPipe pipe;
    std::thread reader([&] {
        std::string chunk;
        while (pipe.read(chunk) == db::EntryPipe::Next::Bytes) {
        }
    });
    const std::string megabyte(1 << 20, 'x');
    std::uint64_t written = 0;
    const auto refused = db::guarded([&] {
        for (;;) {
            pipe.write(std::string(megabyte));
            written += megabyte.size();
        }
    });
    pipe.fail();
    reader.join();
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(refused.error().message.find("larger than 4 GB"), std::string::npos) << refused.error().message;
    EXPECT_LE(written, db::ZipArchive::kLargestPiped);
    EXPECT_GT(written + megabyte.size(), db::ZipArchive::kLargestPiped);
}
