/*
 * The variadic functions of the librdkafka API.
 *
 * Stable Rust cannot define C-variadic functions, so these thin wrappers read
 * the variable arguments and call a non-variadic function implemented in Rust
 * (src/abi). They are compiled by build.rs into the same library.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

/* Just enough of the public types to read the arguments; the layouts are
 * those of rdkafka.h (checked by c-tests/abi_facts.c). */
typedef struct rd_kafka_s rd_kafka_t;
typedef struct rd_kafka_topic_s rd_kafka_topic_t;
typedef struct rd_kafka_headers_s rd_kafka_headers_t;
typedef struct rd_kafka_error_s rd_kafka_error_t;
typedef struct rd_kafka_mock_cluster_s rd_kafka_mock_cluster_t;
typedef int rd_kafka_resp_err_t;

enum {
        VT_END = 0, VT_TOPIC, VT_RKT, VT_PARTITION, VT_VALUE, VT_KEY,
        VT_OPAQUE, VT_MSGFLAGS, VT_TIMESTAMP, VT_HEADER, VT_HEADERS
};

typedef struct {
        int vtype;
        union {
                const char *cstr;
                rd_kafka_topic_t *rkt;
                int i;
                int32_t i32;
                int64_t i64;
                struct { void *ptr; size_t size; } mem;
                struct { const char *name; const void *val; ssize_t size; } header;
                rd_kafka_headers_t *headers;
                void *ptr;
                char _pad[64];
        } u;
} vu_t;

/* Implemented in Rust. */
extern rd_kafka_error_t *rd_kafka_produceva(rd_kafka_t *rk, const vu_t *vus, size_t cnt);
extern rd_kafka_resp_err_t rd_kafka_error_code(const rd_kafka_error_t *error);
extern void rd_kafka_error_destroy(rd_kafka_error_t *error);
extern rd_kafka_error_t *ferrokafka_error_new_str(rd_kafka_resp_err_t code, const char *msg);
extern void rd_kafka_mock_push_request_errors_array(rd_kafka_mock_cluster_t *mcluster,
                                                    int16_t ApiKey, size_t cnt,
                                                    const rd_kafka_resp_err_t *errors);
extern rd_kafka_resp_err_t ferrokafka_mock_broker_push_request_error_rtts_array(
    rd_kafka_mock_cluster_t *mcluster, int32_t broker_id, int16_t ApiKey, size_t cnt,
    const rd_kafka_resp_err_t *errors, const int *rtts);
extern rd_kafka_resp_err_t ferrokafka_mock_partition_push_request_errors_array(
    rd_kafka_mock_cluster_t *mcluster, const char *topic, int32_t partition,
    int16_t ApiKey, size_t cnt, const rd_kafka_resp_err_t *errors);

/* Error codes this file returns itself. */
#define ERR__INVALID_ARG (-186)
#define ERR__CRIT_SYS_RESOURCE (-194)
#define ERR__NO_ERROR 0

rd_kafka_resp_err_t rd_kafka_producev(rd_kafka_t *rk, ...) {
        vu_t stack_vus[16], *vus = stack_vus;
        size_t cnt = 0, cap = sizeof(stack_vus) / sizeof(stack_vus[0]);
        rd_kafka_resp_err_t err = ERR__NO_ERROR;
        rd_kafka_error_t *error;
        int vtype;
        va_list ap;

        va_start(ap, rk);
        while ((vtype = va_arg(ap, int)) != VT_END) {
                vu_t *vu;
                if (cnt == cap) {
                        /* Many headers: move the list to the heap. */
                        vu_t *bigger = malloc(2 * cap * sizeof(*bigger));
                        if (!bigger) {
                                err = ERR__CRIT_SYS_RESOURCE;
                                break;
                        }
                        memcpy(bigger, vus, cnt * sizeof(*vus));
                        if (vus != stack_vus)
                                free(vus);
                        vus = bigger;
                        cap *= 2;
                }
                vu = &vus[cnt++];
                memset(vu, 0, sizeof(*vu));
                vu->vtype = vtype;
                switch (vtype) {
                case VT_TOPIC:
                        vu->u.cstr = va_arg(ap, const char *);
                        break;
                case VT_RKT:
                        vu->u.rkt = va_arg(ap, rd_kafka_topic_t *);
                        break;
                case VT_PARTITION:
                        vu->u.i32 = va_arg(ap, int32_t);
                        break;
                case VT_VALUE:
                case VT_KEY:
                        vu->u.mem.ptr = va_arg(ap, void *);
                        vu->u.mem.size = va_arg(ap, size_t);
                        break;
                case VT_OPAQUE:
                        vu->u.ptr = va_arg(ap, void *);
                        break;
                case VT_MSGFLAGS:
                        vu->u.i = va_arg(ap, int);
                        break;
                case VT_TIMESTAMP:
                        vu->u.i64 = va_arg(ap, int64_t);
                        break;
                case VT_HEADER:
                        vu->u.header.name = va_arg(ap, const char *);
                        vu->u.header.val = va_arg(ap, const void *);
                        vu->u.header.size = va_arg(ap, ssize_t);
                        break;
                case VT_HEADERS:
                        vu->u.headers = va_arg(ap, rd_kafka_headers_t *);
                        break;
                default:
                        /* Unknown vtype: the rest of the list cannot be
                         * decoded, so nothing is produced. */
                        err = ERR__INVALID_ARG;
                        break;
                }
                if (err)
                        break;
        }
        va_end(ap);

        if (!err) {
                error = rd_kafka_produceva(rk, vus, cnt);
                if (error) {
                        err = rd_kafka_error_code(error);
                        rd_kafka_error_destroy(error);
                }
        }
        if (vus != stack_vus)
                free(vus);
        return err;
}

rd_kafka_error_t *rd_kafka_error_new(rd_kafka_resp_err_t code, const char *fmt, ...) {
        char buf[2048];
        va_list ap;

        if (!fmt)
                return ferrokafka_error_new_str(code, NULL);
        va_start(ap, fmt);
        vsnprintf(buf, sizeof(buf), fmt, ap);
        va_end(ap);
        return ferrokafka_error_new_str(code, buf);
}

/* Reads `cnt` error codes (and, when `rtts` is set, an rtt after each). */
static int read_errors(va_list ap, size_t cnt, rd_kafka_resp_err_t **errorsp, int **rttsp) {
        size_t i;
        rd_kafka_resp_err_t *errors = calloc(cnt ? cnt : 1, sizeof(*errors));
        int *rtts = NULL;
        if (!errors)
                return -1;
        if (rttsp && !(rtts = calloc(cnt ? cnt : 1, sizeof(*rtts)))) {
                free(errors);
                return -1;
        }
        for (i = 0; i < cnt; i++) {
                errors[i] = va_arg(ap, rd_kafka_resp_err_t);
                if (rtts)
                        rtts[i] = va_arg(ap, int);
        }
        *errorsp = errors;
        if (rttsp)
                *rttsp = rtts;
        return 0;
}

void rd_kafka_mock_push_request_errors(rd_kafka_mock_cluster_t *mcluster,
                                       int16_t ApiKey, size_t cnt, ...) {
        va_list ap;
        rd_kafka_resp_err_t *errors;
        va_start(ap, cnt);
        if (read_errors(ap, cnt, &errors, NULL) == 0) {
                rd_kafka_mock_push_request_errors_array(mcluster, ApiKey, cnt, errors);
                free(errors);
        }
        va_end(ap);
}

rd_kafka_resp_err_t rd_kafka_mock_broker_push_request_error_rtts(
    rd_kafka_mock_cluster_t *mcluster, int32_t broker_id, int16_t ApiKey, size_t cnt, ...) {
        va_list ap;
        rd_kafka_resp_err_t *errors, err = ERR__CRIT_SYS_RESOURCE;
        int *rtts;
        va_start(ap, cnt);
        if (read_errors(ap, cnt, &errors, &rtts) == 0) {
                err = ferrokafka_mock_broker_push_request_error_rtts_array(
                    mcluster, broker_id, ApiKey, cnt, errors, rtts);
                free(errors);
                free(rtts);
        }
        va_end(ap);
        return err;
}

rd_kafka_resp_err_t rd_kafka_mock_partition_push_request_errors(
    rd_kafka_mock_cluster_t *mcluster, const char *topic, int32_t partition,
    int16_t ApiKey, size_t cnt, ...) {
        va_list ap;
        rd_kafka_resp_err_t *errors, err = ERR__CRIT_SYS_RESOURCE;
        va_start(ap, cnt);
        if (read_errors(ap, cnt, &errors, NULL) == 0) {
                err = ferrokafka_mock_partition_push_request_errors_array(
                    mcluster, topic, partition, ApiKey, cnt, errors);
                free(errors);
        }
        va_end(ap);
        return err;
}
