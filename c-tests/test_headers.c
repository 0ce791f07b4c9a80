/* Message header lists: order, duplicates, NULL and empty values, sizes of
 * -1, lookups, removal, copies, and argument checking. */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

/* Checks that header `idx` of `hdrs` is (name, value, size). */
static void check_at(const rd_kafka_headers_t *hdrs, size_t idx,
                     const char *name, const char *value, size_t size) {
        const char *n = NULL;
        const void *v = (const void *)1;
        size_t s = 12345;
        CHECK_INT(rd_kafka_header_get_all(hdrs, idx, &n, &v, &s),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_STR(n, name);
        if (value) {
                CHECK(v && !memcmp(v, value, size), "value of #%zu", idx);
                /* Stored values are NUL-terminated beyond their size. */
                CHECK(v && ((const char *)v)[size] == '\0', "NUL after #%zu", idx);
        } else {
                CHECK(v == NULL, "value of #%zu should be NULL", idx);
        }
        CHECK_INT(s, size);
}

int main(void) {
        rd_kafka_headers_t *hdrs, *copy;
        const void *v;
        size_t s;
        const char *n;
        char name_buf[] = "transient";
        char val_buf[]  = "temporary";

        hdrs = rd_kafka_headers_new(1); /* capacity is only a hint */
        CHECK(hdrs != NULL, "headers_new");
        CHECK_INT(rd_kafka_header_cnt(hdrs), 0);
        CHECK_INT(rd_kafka_header_get_all(hdrs, 0, &n, &v, &s),
                  RD_KAFKA_RESP_ERR__NOENT);

        CHECK_INT(rd_kafka_header_add(hdrs, "a", -1, "one", -1), 0);
        CHECK_INT(rd_kafka_header_add(hdrs, "b", -1, NULL, -1), 0);    /* null */
        CHECK_INT(rd_kafka_header_add(hdrs, "a", -1, "", 0), 0);       /* empty */
        CHECK_INT(rd_kafka_header_add(hdrs, "bin", -1, "x\0y", 3), 0); /* binary */
        CHECK_INT(rd_kafka_header_add(hdrs, "cutoff", 3, "abcdef", 2), 0);
        CHECK_INT(rd_kafka_header_add(hdrs, "nullsz", -1, NULL, 7), 0); /* NULL wins */
        /* Names and values are copied. */
        CHECK_INT(rd_kafka_header_add(hdrs, name_buf, -1, val_buf, -1), 0);
        memset(name_buf, 'X', sizeof(name_buf) - 1);
        memset(val_buf, 'Y', sizeof(val_buf) - 1);
        CHECK_INT(rd_kafka_header_cnt(hdrs), 7);

        check_at(hdrs, 0, "a", "one", 3);
        check_at(hdrs, 1, "b", NULL, 0);
        check_at(hdrs, 2, "a", "", 0);
        check_at(hdrs, 3, "bin", "x\0y", 3);
        check_at(hdrs, 4, "cut", "ab", 2);
        check_at(hdrs, 5, "nullsz", NULL, 0);
        check_at(hdrs, 6, "transient", "temporary", 9);
        CHECK_INT(rd_kafka_header_get_all(hdrs, 7, &n, &v, &s),
                  RD_KAFKA_RESP_ERR__NOENT);

        /* get_last finds the last duplicate. */
        CHECK_INT(rd_kafka_header_get_last(hdrs, "a", &v, &s), 0);
        CHECK_INT(s, 0);
        CHECK(v != NULL && *(const char *)v == '\0', "empty value is non-NULL");
        CHECK_INT(rd_kafka_header_get_last(hdrs, "b", &v, &s), 0);
        CHECK(v == NULL, "null value");
        CHECK_INT(rd_kafka_header_get_last(hdrs, "cutoff", &v, &s),
                  RD_KAFKA_RESP_ERR__NOENT);
        CHECK_INT(rd_kafka_header_get_last(hdrs, "A", &v, &s),
                  RD_KAFKA_RESP_ERR__NOENT); /* case-sensitive */

        /* get iterates over one name in insertion order. */
        CHECK_INT(rd_kafka_header_get(hdrs, 0, "a", &v, &s), 0);
        CHECK(s == 3 && !memcmp(v, "one", 3), "first a");
        CHECK_INT(rd_kafka_header_get(hdrs, 1, "a", &v, &s), 0);
        CHECK_INT(s, 0);
        CHECK_INT(rd_kafka_header_get(hdrs, 2, "a", &v, &s),
                  RD_KAFKA_RESP_ERR__NOENT);

        /* A value pointer stays valid while other headers come and go. */
        CHECK_INT(rd_kafka_header_get_last(hdrs, "transient", &v, &s), 0);
        {
                const void *keep = v;
                int i;
                char nm[16];
                for (i = 0; i < 100; i++) {
                        snprintf(nm, sizeof(nm), "h%d", i);
                        rd_kafka_header_add(hdrs, nm, -1, nm, -1);
                }
                CHECK_INT(rd_kafka_header_remove(hdrs, "a"), 0);
                CHECK(!memcmp(keep, "temporary", 10), "value moved or freed");
        }
        CHECK_INT(rd_kafka_header_cnt(hdrs), 105);

        /* remove deletes every header of that name. */
        CHECK_INT(rd_kafka_header_remove(hdrs, "a"), RD_KAFKA_RESP_ERR__NOENT);
        CHECK_INT(rd_kafka_header_get_last(hdrs, "a", &v, &s),
                  RD_KAFKA_RESP_ERR__NOENT);
        check_at(hdrs, 0, "b", NULL, 0);

        /* Copies are deep and independent. */
        copy = rd_kafka_headers_copy(hdrs);
        CHECK(copy != NULL && copy != hdrs, "copy");
        CHECK_INT(rd_kafka_header_cnt(copy), 105);
        CHECK_INT(rd_kafka_header_get_last(copy, "bin", &v, &s), 0);
        CHECK(s == 3 && !memcmp(v, "x\0y", 3), "copied binary value");
        rd_kafka_headers_destroy(hdrs);
        check_at(copy, 2, "cut", "ab", 2);
        CHECK_INT(rd_kafka_header_remove(copy, "bin"), 0);
        CHECK_INT(rd_kafka_header_cnt(copy), 104);
        rd_kafka_headers_destroy(copy);

        /* Empty lists copy to empty lists. */
        hdrs = rd_kafka_headers_new(0);
        copy = rd_kafka_headers_copy(hdrs);
        CHECK_INT(rd_kafka_header_cnt(copy), 0);
        rd_kafka_headers_destroy(copy);

        /* Bad arguments are refused instead of crashing. */
        CHECK_INT(rd_kafka_header_add(NULL, "x", -1, "y", -1),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_header_add(hdrs, NULL, -1, "y", -1),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_header_add(hdrs, "x", -7, "y", -1),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_header_add(hdrs, "x", -1, "y", -3),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_header_remove(hdrs, NULL),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_header_get_last(NULL, "x", &v, &s),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_header_get(hdrs, 0, NULL, &v, &s),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_header_cnt(hdrs), 0);
        CHECK_INT(rd_kafka_header_cnt(NULL), 0);
        CHECK(rd_kafka_headers_copy(NULL) == NULL, "copy(NULL)");
        rd_kafka_headers_destroy(NULL);
        rd_kafka_headers_destroy(hdrs);

        /* Message-level header functions reject NULL messages. */
        CHECK_INT(rd_kafka_message_headers(NULL, &hdrs),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_message_detach_headers(NULL, &hdrs),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        rd_kafka_message_set_headers(NULL, NULL);

        TEST_DONE();
}
