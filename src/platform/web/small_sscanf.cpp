// sscanf for the wasm build, small: Dear ImGui calls it to read its .ini settings and the OpenGL
// backend to read the GL and GLSL versions ("%d.%d", "#version %d", "Pos=%i,%i", "0x%08X,%d",
// "Weight=%f%n", "Sort=%d%c%n" …). musl's sscanf brings its whole stdio scanner into the unit's
// first visit (about 2 KiB gzip, measured). This one reads what those formats use: literal text,
// white space, %d %i %u %x %X %o with a width and the hh/h/l/ll/j/z/t length modifiers, %f %e %g
// (float, or double with l), %c, %s, %n and %%. It stops at the first mismatch and returns the
// number of values assigned, or EOF when the input ends before the first one, as C says. The
// parsing is hoso_vsscanf, tested natively (tests/unit/app/small_sscanf_test.cpp); only the
// wasm build defines sscanf itself, which the linker then takes instead of libc's.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

extern "C" int hoso_vsscanf(const char* in, const char* format, va_list args) {
  const char* s = in;
  int assigned = 0;
  bool converted_any = false;  // a conversion other than %n was attempted on input
  for (const char* f = format; *f; ++f) {
    if (std::isspace(static_cast<unsigned char>(*f))) {
      while (std::isspace(static_cast<unsigned char>(*s))) ++s;
      continue;
    }
    if (*f != '%' || f[1] == '%') {
      if (*f == '%') ++f;
      if (*s != *f) return (*s == '\0' && !converted_any) ? EOF : assigned;
      ++s;
      continue;
    }
    ++f;
    const bool skip = *f == '*';
    if (skip) ++f;
    int width = 0;
    while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
    int size = 0;  // -2 hh, -1 h, 0 int, 1 l, 2 ll (and j, z, t)
    if (*f == 'h') size = (*++f == 'h') ? (++f, -2) : -1;
    else if (*f == 'l') size = (*++f == 'l') ? (++f, 2) : 1;
    else if (*f == 'j' || *f == 'z' || *f == 't') ++f, size = 2;
    else if (*f == 'L') ++f, size = 2;
    const char conv = *f;
    if (conv == '\0') break;
    if (conv == 'n') {
      if (!skip) *va_arg(args, int*) = static_cast<int>(s - in);
      continue;
    }
    if (conv != 'c') while (std::isspace(static_cast<unsigned char>(*s))) ++s;
    if (*s == '\0') return converted_any || assigned ? assigned : EOF;
    converted_any = true;
    // The field: at most `width` characters (a copy, so strto* cannot read past it).
    char field[64];
    const std::size_t avail = std::strlen(s);
    std::size_t n = width > 0 ? std::min<std::size_t>(static_cast<std::size_t>(width), avail) : avail;
    if (conv == 'c') {
      if (width == 0) n = 1;
      if (!skip) std::memcpy(va_arg(args, char*), s, n);
      s += n;
      assigned += !skip;
      continue;
    }
    if (conv == 's') {
      std::size_t k = 0;
      while (k < n && s[k] && !std::isspace(static_cast<unsigned char>(s[k]))) ++k;
      if (!skip) {
        char* out = va_arg(args, char*);
        std::memcpy(out, s, k);
        out[k] = '\0';
      }
      s += k;
      assigned += !skip;
      continue;
    }
    n = std::min(n, sizeof field - 1);
    std::memcpy(field, s, n);
    field[n] = '\0';
    char* end = nullptr;
    if (conv == 'f' || conv == 'e' || conv == 'g' || conv == 'a' || conv == 'E' || conv == 'G' || conv == 'F') {
      const double v = std::strtod(field, &end);
      if (end == field) return assigned;
      if (!skip) {
        if (size >= 1) *va_arg(args, double*) = v;
        else *va_arg(args, float*) = static_cast<float>(v);
      }
    } else {
      const int base = conv == 'd' || conv == 'u' ? 10 : conv == 'i' ? 0 : conv == 'o' ? 8 : 16;
      if (base == 16 && conv != 'x' && conv != 'X') return assigned;  // a conversion not read here
      const bool is_signed = conv == 'd' || conv == 'i';
      errno = 0;
      const unsigned long long u = is_signed ? static_cast<unsigned long long>(std::strtoll(field, &end, base))
                                             : std::strtoull(field, &end, base);
      if (end == field) return assigned;
      if (!skip) {
        switch (size) {
          case -2: *va_arg(args, unsigned char*) = static_cast<unsigned char>(u); break;
          case -1: *va_arg(args, unsigned short*) = static_cast<unsigned short>(u); break;
          case 0: *va_arg(args, unsigned*) = static_cast<unsigned>(u); break;
          case 1: *va_arg(args, unsigned long*) = static_cast<unsigned long>(u); break;
          default: *va_arg(args, unsigned long long*) = u; break;
        }
      }
    }
    s += end - field;
    assigned += !skip;
  }
  return assigned;
}

#ifdef __EMSCRIPTEN__
extern "C" int sscanf(const char* __restrict in, const char* __restrict format, ...) {
  va_list args;
  va_start(args, format);
  const int r = hoso_vsscanf(in, format, args);
  va_end(args);
  return r;
}
#endif
