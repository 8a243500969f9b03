#ifndef XIESHANG_CCRYPTO_SHIM_H
#define XIESHANG_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/sha.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/crypto.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/core_names.h>

// Function-like and cast macros Swift cannot import, wrapped as inline functions.
static inline long xs_ssl_ctx_set_min_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_min_proto_version(ctx, version);
}
static inline long xs_ssl_ctx_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}
static inline long xs_ssl_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}
// A fresh ECDSA key on P-256 (prime256v1), the web listener's certificate key (EVP_EC_gen is a macro).
static inline EVP_PKEY *xs_ec_p256_generate(void) {
    return EVP_EC_gen("P-256");
}
// The bytes written to a memory BIO (BIO_get_mem_data is a macro).
static inline long xs_bio_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}
#endif
