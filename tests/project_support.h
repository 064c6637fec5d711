#pragma once
// What the storage tests share: a project's whole contents as its project file, the form two projects are
// compared in.
#include "project.h"
#include "project_file.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace claimtrack::test {

inline std::string projectFile(Project& project) {
    std::ostringstream out;
    EXPECT_TRUE(writeProjectFile(project, out));
    return out.str();
}

}  // namespace claimtrack::test
