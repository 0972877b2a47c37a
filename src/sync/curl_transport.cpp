// Owns every libcurl call. TLS verification is never turned off; proxies come from the environment.
#include <curl/curl.h>

#include <cstring>
#include <mutex>

#include "transport.h"

namespace brugpunt::sync {
namespace {

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

}  // namespace

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
