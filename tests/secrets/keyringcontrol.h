// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <sys/types.h>

/// Test-only control of the throw-away gnome-keyring that tests/support/with-keyring.sh
/// starts: check that it is there and unlocked, lock and unlock its login collection, find
/// the daemon's process. Synchronous D-Bus calls: tests only.
namespace KeyringControl {

/// Empty when the tests run on the throw-away keyring (session bus, Secret Service, login
/// collection unlocked); otherwise what is wrong and how to run the tests.
QString problemWithTestKeyring();

/// True when the tests must not touch a keyring (VERSUS_NO_KEYRING_TESTS=1).
bool keyringTestsDisabled();

bool isLoginLocked();
bool lockLogin();
/// Unlocks with the password with-keyring.sh used (VERSUS_TEST_KEYRING_PASSWORD), through
/// gnome-keyring's own unlock call: the Secret Service's Unlock needs a graphical prompt.
bool unlockLogin();
/// The process that owns org.freedesktop.secrets, or 0.
pid_t secretServicePid();

/// Pauses a process (SIGSTOP) for the guard's lifetime, so that it never answers.
class ProcessPause {
public:
    explicit ProcessPause(pid_t pid);
    ~ProcessPause();
    ProcessPause(const ProcessPause &) = delete;
    ProcessPause &operator=(const ProcessPause &) = delete;
    void resume();

private:
    pid_t m_pid;
};

} // namespace KeyringControl
