#define _GNU_SOURCE
#include "cfilesystem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#endif

int jb_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2)
    // Through syscall(), so that a C library older than the call (glibc < 2.28) still builds.
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */);
#else
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

int jb_is_open_elsewhere(int descriptor) {
#if defined(__linux__)
    if (fcntl(descriptor, F_SETLEASE, F_WRLCK) == 0) {
        fcntl(descriptor, F_SETLEASE, F_UNLCK);
        return 0;
    }
    return (errno == EAGAIN || errno == EBUSY) ? 1 : -1;
#else
    (void)descriptor;
    errno = ENOSYS;
    return -1;
#endif
}
