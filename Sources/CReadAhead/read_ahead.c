/* See include/read_ahead.h for what this is and why. */
#define _GNU_SOURCE
#include "read_ahead.h"

#include <dlfcn.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

enum { capacity = 64 * 1024 };

struct ahead {
    int fd;
    unsigned char *bytes;
    size_t start;
    size_t end;
};

static __thread struct ahead ahead = { -1, NULL, 0, 0 };
static atomic_size_t served;
static atomic_size_t filled;

/* glibc's own read, exported under this second name, so reads of other descriptors cost one
 * comparison more than before. */
extern ssize_t __read(int fd, void *buffer, size_t count);

typedef int (*pselect_function)(int, fd_set *, fd_set *, fd_set *, const struct timespec *, const sigset_t *);

static int next_pselect(int count, fd_set *readable, fd_set *writable, fd_set *failed,
                        const struct timespec *timeout, const sigset_t *mask) {
    static _Atomic(pselect_function) next;
    pselect_function function = atomic_load_explicit(&next, memory_order_relaxed);
    if (function == NULL) {
        function = (pselect_function)dlsym(RTLD_NEXT, "pselect");
        atomic_store_explicit(&next, function, memory_order_relaxed);
    }
    return function(count, readable, writable, failed, timeout, mask);
}

void fleetprint_read_ahead_attach(int fd) {
    if (ahead.bytes == NULL) ahead.bytes = malloc(capacity);
    ahead.fd = ahead.bytes == NULL ? -1 : fd;
    ahead.start = 0;
    ahead.end = 0;
}

void fleetprint_read_ahead_detach(void) {
    free(ahead.bytes);
    ahead = (struct ahead){ -1, NULL, 0, 0 };
}

size_t fleetprint_read_ahead_served(void) { return atomic_load(&served); }
size_t fleetprint_read_ahead_filled(void) { return atomic_load(&filled); }

ssize_t read(int fd, void *buffer, size_t count) {
    if (fd != ahead.fd || fd < 0 || count == 0) return __read(fd, buffer, count);
    if (ahead.start == ahead.end) {
        if (count >= capacity) return __read(fd, buffer, count);
        ssize_t got = __read(fd, ahead.bytes, capacity);
        if (got <= 0) return got;
        ahead.start = 0;
        ahead.end = (size_t)got;
        atomic_fetch_add_explicit(&filled, 1, memory_order_relaxed);
    }
    size_t taken = ahead.end - ahead.start < count ? ahead.end - ahead.start : count;
    memcpy(buffer, ahead.bytes + ahead.start, taken);
    ahead.start += taken;
    atomic_fetch_add_explicit(&served, 1, memory_order_relaxed);
    return (ssize_t)taken;
}

int pselect(int count, fd_set *readable, fd_set *writable, fd_set *failed,
            const struct timespec *timeout, const sigset_t *mask) {
    int fd = ahead.fd;
    if (fd < 0 || fd >= count || ahead.start == ahead.end || readable == NULL || !FD_ISSET(fd, readable)) {
        return next_pselect(count, readable, writable, failed, timeout, mask);
    }
    /* Bytes wait here: ask the kernel about the other descriptors without waiting. */
    static const struct timespec now = { 0, 0 };
    int ready = next_pselect(count, readable, writable, failed, &now, mask);
    if (ready < 0) return ready;
    if (!FD_ISSET(fd, readable)) {
        FD_SET(fd, readable);
        ready += 1;
    }
    return ready;
}
