#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

// GUI tests run real widgets under the offscreen platform, with settings kept
// apart from the user's (QStandardPaths test mode), and from other test
// processes': ctest runs each test in a process of its own, two at once, and
// one test's recent projects or layout must never meet another's.
int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    const QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClaimtrackTests"));
    QApplication::setApplicationName(QStringLiteral("ClaimtrackTests"));
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
