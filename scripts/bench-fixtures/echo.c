/* The benchmark's floor: a C child that echoes whatever it reads on fd 3 to fd 4, so a
 * Node parent's round trip can be measured without any Node child cost. */
#include <unistd.h>

int main(void) {
  static char buf[65600];
  ssize_t n;
  while ((n = read(3, buf, sizeof buf)) > 0)
    if (write(4, buf, (size_t)n) != n) return 1;
  return 0;
}
