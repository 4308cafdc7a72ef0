/* Test scaffolding only, never shipped: Wine 8.0 has no bcryptprimitives.dll, whose
 * ProcessPrng every Rust >= 1.78 program imports for its random numbers (every real
 * Windows 10/11 has it). This stand-in fills the buffer from RtlGenRandom (advapi32's
 * SystemFunction036), in chunks its ULONG length can carry. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
