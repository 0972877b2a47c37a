// png_check FILE WIDTH HEIGHT: exits 0 when FILE is a WIDTHxHEIGHT PNG that is not one flat
// colour (at least 16 distinct colours, and no colour covering more than 97% of the pixels).
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <unordered_map>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: png_check FILE WIDTH HEIGHT\n");
        return 2;
    }
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &n, 3);
    if (!px) {
        std::fprintf(stderr, "png_check: %s is not a readable image\n", argv[1]);
        return 1;
    }
    int want_w = std::atoi(argv[2]), want_h = std::atoi(argv[3]);
    std::unordered_map<unsigned, long> counts;
    long total = static_cast<long>(w) * h;
    for (long i = 0; i < total; ++i) ++counts[(px[3 * i] << 16) | (px[3 * i + 1] << 8) | px[3 * i + 2]];
    stbi_image_free(px);
    long top = 0;
    for (auto& [c, k] : counts) top = k > top ? k : top;
    double dominant = static_cast<double>(top) / total;
    std::printf("%s: %dx%d, %zu colours, most common covers %.1f%%\n", argv[1], w, h, counts.size(),
                100 * dominant);
    if (w != want_w || h != want_h) {
        std::fprintf(stderr, "png_check: expected %dx%d\n", want_w, want_h);
        return 1;
    }
    if (counts.size() < 16 || dominant > 0.97) {
        std::fprintf(stderr, "png_check: the image is (nearly) one flat colour\n");
        return 1;
    }
    return 0;
}
