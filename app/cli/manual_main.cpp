// Writes claimtrack-cli's manual page (`man`) or its bash or zsh completion (`bash`, `zsh`) to standard
// output; run by the build, whose outputs are installed.
#include "command.h"
#include "manual.h"

#include <iostream>

int main(int argc, char** argv) {
    using namespace claimtrack::cli;
    const std::string what = argc == 2 ? argv[1] : "";
    if (what != "man" && what != "bash" && what != "zsh") {
        std::cerr << "usage: claimtrack-cli-manual man|bash|zsh\n";
        return 2;
    }
    CLI::App app;
    std::vector<std::unique_ptr<Command>> commands;
    Command* chosen = nullptr;
    buildParser(app, commands, chosen);
    std::cout << (what == "man" ? manPage(app) : what == "bash" ? bashCompletion(app) : zshCompletion(app));
    return 0;
}
