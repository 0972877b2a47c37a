// Owns every libcurl call. TLS verification is never turned off; proxies come from the environment.
#include <curl/curl.h>

#include <strings.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>

#include "transport.h"

namespace brugpunt::sync {
namespace {

// A download slower than this for stall_s seconds is stopped (curl's low-speed check): any link a
// kiosk stands behind does far better, and a drip feed must not hold a sync for the whole time
// limit of one file (600 s by default).
constexpr long kMinBytesPerSecond = 1024;

void GlobalInit() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t Discard(char*, size_t size, size_t n, void*) {
    return size * n;
}

struct Upload {
    const std::string* data;
    size_t pos = 0;
};

size_t ReadUpload(char* buf, size_t size, size_t n, void* user) {
    auto* up = static_cast<Upload*>(user);
    size_t len = std::min(size * n, up->data->size() - up->pos);
    std::memcpy(buf, up->data->data() + up->pos, len);
    up->pos += len;
    return len;
}

void Common(CURL* c, const Timeouts& t, const std::string& ca_file) {
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(t.connect_s));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(t.total_s));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, ca_file.c_str());
}

struct Download {
    const FetchRequest* request;
    FetchResponse* response;
    std::FILE* file = nullptr;
    uint64_t limit = 0;  // what may still arrive in this request
    std::chrono::steady_clock::time_point last_byte = std::chrono::steady_clock::now();
};

size_t WriteDownload(char* data, size_t size, size_t n, void* user) {
    auto* d = static_cast<Download*>(user);
    size_t len = size * n;
    if (d->response->received + len > d->limit) {
        d->response->too_large = true;
        return 0;  // curl stops with CURLE_WRITE_ERROR
    }
    if (d->file ? std::fwrite(data, 1, len, d->file) != len : (d->response->body.append(data, len), false))
        return 0;
    d->response->received += len;
    d->last_byte = std::chrono::steady_clock::now();
    if (d->request->on_bytes) d->request->on_bytes(d->response->received);
    return len;
}

// What a timeout really was: a silent server, one that drips too slowly for the time limit, or one
// whose bytes come in under the minimum speed.
std::string TimeoutReason(const FetchRequest& r, const Download& d,
                          std::chrono::steady_clock::time_point started) {
    using std::chrono::duration_cast;
    using std::chrono::milliseconds;
    auto now = std::chrono::steady_clock::now();
    // curl measures in whole seconds: a second's slack on each side.
    long long silent_ms = duration_cast<milliseconds>(now - d.last_byte).count() + 1000;
    long long took_ms = duration_cast<milliseconds>(now - started).count() + 1000;
    std::string got = std::to_string(d.response->received) + " bytes arrived";
    if (silent_ms >= r.stall_s * 1000LL)
        return "timed out: the server sent nothing for " + std::to_string(r.stall_s) + " s";
    if (took_ms >= r.timeouts.total_s * 1000LL)
        return "too slow: the file was not complete after " + std::to_string(r.timeouts.total_s) + " s (" +
               got + ")";
    return "too slow: under " + std::to_string(kMinBytesPerSecond / 1024) + " kB/s for " +
           std::to_string(r.stall_s) + " s (" + got + ")";
}

size_t ReadHeader(char* data, size_t size, size_t n, void* user) {
    auto* out = static_cast<FetchResponse*>(user);
    std::string line(data, size * n);
    if (line.size() > 5 && strncasecmp(line.c_str(), "etag:", 5) == 0) {
        size_t b = line.find_first_not_of(" \t", 5);
        size_t e = line.find_last_not_of(" \t\r\n");
        out->etag = b == std::string::npos ? "" : line.substr(b, e - b + 1);
    }
    return size * n;
}

}  // namespace

FetchResponse CurlFetcher::Get(const FetchRequest& r) {
    GlobalInit();
    FetchResponse out;
    Download d{&r, &out};
    d.limit = r.max_bytes >= r.resume_from ? r.max_bytes - r.resume_from : 0;
    if (!r.to_file.empty()) {
        d.file = std::fopen(r.to_file.c_str(), r.resume_from ? "ab" : "wb");
        if (!d.file) return {0, "cannot write " + r.to_file};
    }
    CURL* c = curl_easy_init();
    if (!c) {
        if (d.file) std::fclose(d.file);
        return {0, "curl_easy_init failed"};
    }
    curl_slist* headers = nullptr;
    for (const auto& h : r.headers) headers = curl_slist_append(headers, h.c_str());
    if (!r.if_none_match.empty())
        headers = curl_slist_append(headers, ("If-None-Match: " + r.if_none_match).c_str());
    curl_easy_setopt(c, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, WriteDownload);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &d);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, ReadHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &out);
    curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);  // an error page is never taken for the file
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, kMinBytesPerSecond);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(r.stall_s));
    if (r.resume_from) curl_easy_setopt(c, CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(r.resume_from));
    Common(c, r.timeouts, r.ca_file);
    const auto started = std::chrono::steady_clock::now();
    CURLcode rc = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out.status);
    if (out.too_large)
        out.error = "more data than announced (over " + std::to_string(r.max_bytes) + " bytes)";
    else if (rc == CURLE_OPERATION_TIMEDOUT)
        out.error = TimeoutReason(r, d, started);
    else if (rc == CURLE_HTTP_RETURNED_ERROR)
        out.error = "HTTP " + std::to_string(out.status);
    else if (rc == CURLE_PEER_FAILED_VERIFICATION)
        out.error = "the server's TLS certificate is not trusted (check ca_file)";
    else if (rc != CURLE_OK)
        out.error = curl_easy_strerror(rc);
    if (d.file && std::fclose(d.file) != 0 && out.error.empty()) out.error = "cannot write " + r.to_file;
    curl_slist_free_all(headers);
    curl_easy_cleanup(c);
    return out;
}

HttpResponse CurlHttp::Post(const HttpRequest& r) {
    GlobalInit();
    HttpResponse out;
    CURL* c = curl_easy_init();
    if (!c) return {0, "curl_easy_init failed"};
    curl_slist* headers = nullptr;
    for (const auto& h : r.headers) headers = curl_slist_append(headers, h.c_str());
    curl_easy_setopt(c, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, r.body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(r.body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, Discard);
    Common(c, r.timeouts, r.ca_file);
    CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_OK)
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out.status);
    else
        out.error = curl_easy_strerror(rc);
    curl_slist_free_all(headers);
    curl_easy_cleanup(c);
    return out;
}

std::string CurlMail::Send(const Mail& m) {
    GlobalInit();
    CURL* c = curl_easy_init();
    if (!c) return "curl_easy_init failed";
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + m.to + ">").c_str());
    Upload up{&m.message};
    curl_easy_setopt(c, CURLOPT_URL, m.smtp_url.c_str());
    curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));  // STARTTLS or fail
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + m.from + ">").c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadUpload);
    curl_easy_setopt(c, CURLOPT_READDATA, &up);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    if (!m.user.empty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, m.user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, m.password.c_str());
    }
    Common(c, m.timeouts, m.ca_file);
    CURLcode rc = curl_easy_perform(c);
    std::string error = rc == CURLE_OK ? "" : curl_easy_strerror(rc);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(c);
    return error;
}

}  // namespace brugpunt::sync
