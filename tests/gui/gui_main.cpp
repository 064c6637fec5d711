#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

// GUI tests run real widgets under the offscreen platform, with settings kept
// apart from the user's (QStandardPaths test mode).
int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClaimtrackTests"));
    QApplication::setApplicationName(QStringLiteral("ClaimtrackTests"));
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
