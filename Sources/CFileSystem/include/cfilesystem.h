#ifndef JIANBAO_CFILESYSTEM_H
#define JIANBAO_CFILESYSTEM_H

// Two Linux file-system calls Swift's Glibc module does not import (renameat2 and the lease
// commands of fcntl are behind _GNU_SOURCE). Elsewhere both report ENOSYS, and the caller
// falls back to what every POSIX system has.

/// Swaps the files at two paths in one atomic step (renameat2 with RENAME_EXCHANGE): each
/// name then leads to the other's inode. Returns 0, or -1 with errno set.
int jb_exchange_paths(const char *first, const char *second);

/// Whether any descriptor other than `descriptor` has the file open, in this process or
/// another (a mapping counts): 1 when so, 0 when not, -1 with errno set when it cannot be told.
/// It asks for a write lease, which the kernel grants only to the sole opener, and gives it
/// back at once.
int jb_is_open_elsewhere(int descriptor);

#endif
