# A Debian package of what `cmake --install` puts in place (scripts/package.sh makes it). Its dependencies are
# computed from the programs' shared libraries by dpkg-shlibdeps, never listed by hand.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME claimtrack)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Claimtrack team <team@claimtrack.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "track the figures news reports claim, and where they disagree")
# The extended description (CPack indents it, and marks the blank line, as Debian writes it).
set(CPACK_PACKAGE_DESCRIPTION
    "Claimtrack is for researchers, journalists and fact-checkers who read many
reports on one subject. Import articles (text, saved web pages, PDFs), select
the words that carry a figure, and record the claim: its value and bounds,
unit, what it measures, who it is attributed to and when it holds.

A figure finder reads the figures in an article by itself; claims of the same
metric are cross-checked and each conflict explained in words. A project is
one SQLite file, shared by the desktop app and the command line.")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Articles about China quote Chinese names: a CJK font where the system has none.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_STRIP_FILES ON)
include(CPack)
