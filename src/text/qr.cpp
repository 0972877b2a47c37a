// Owns QR codes. -> core, libqrencode
#include "qr.h"

#include <qrencode.h>

#include <memory>

namespace brugpunt::text {

core::Result<QrModules> EncodeQr(const std::string& utf8) {
    if (utf8.empty()) return core::Error{core::ErrorCode::kInvalid, "qr: nothing to encode"};
    // 8-bit mode keeps UTF-8 as it is; version 0 lets the library pick the smallest that fits.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(utf8.size()), reinterpret_cast<const unsigned char*>(utf8.data()),
                          0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!code)
        return core::Error{core::ErrorCode::kInvalid,
                           "qr: " + std::to_string(utf8.size()) + " bytes do not fit in a QR code"};
    QrModules out;
    out.size = code->width;
    out.dark.resize(static_cast<size_t>(code->width) * code->width);
    for (size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = code->data[i] & 1;  // bit 0: dark
    return out;
}

}  // namespace brugpunt::text
