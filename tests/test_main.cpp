#include <QCoreApplication>

#include <gtest/gtest.h>

// A QCoreApplication exists for the whole run, as QProcess and friends expect.
int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
