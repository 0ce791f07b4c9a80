/* Consumer group metadata objects: accessors, and librdkafka's serialized
 * form (write/read), including its exact bytes and its input checks. */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

/* What librdkafka writes for ("grp", 5, "m-1", "inst") on a little-endian
 * host: magic, generation id in host order, the strings with their NULs,
 * and 0 = "an instance id follows". */
static const char known[] = "CGMDv2:\x05\x00\x00\x00grp\0m-1\0\0inst";
#define KNOWN_SIZE (sizeof(known)) /* includes the final NUL */

static void expect_read_error(const void *buf, size_t size, const char *what) {
        rd_kafka_consumer_group_metadata_t *md = NULL;
        rd_kafka_error_t *error =
            rd_kafka_consumer_group_metadata_read(&md, buf, size);
        CHECK(error != NULL, "read of %s should fail", what);
        if (error) {
                CHECK_INT(rd_kafka_error_code(error), RD_KAFKA_RESP_ERR__BAD_MSG);
                CHECK_CONTAINS(rd_kafka_error_string(error), "Input buffer");
                rd_kafka_error_destroy(error);
        }
        CHECK(md == NULL, "%s: no object on error", what);
}

int main(void) {
        rd_kafka_consumer_group_metadata_t *md, *md2;
        rd_kafka_error_t *error;
        void *buf;
        size_t size;
        const int one = 1;
        const int little_endian = *(const char *)&one == 1;

        /* _new: no membership. */
        md = rd_kafka_consumer_group_metadata_new("my-group");
        CHECK_STR(rd_kafka_consumer_group_metadata_group_id(md), "my-group");
        CHECK_STR(rd_kafka_consumer_group_metadata_member_id(md), "");
        CHECK(rd_kafka_consumer_group_metadata_group_instance_id(md) == NULL,
              "no instance id");
        CHECK_INT(rd_kafka_consumer_group_metadata_generation_id(md), -1);

        error = rd_kafka_consumer_group_metadata_write(md, &buf, &size);
        CHECK(error == NULL, "write");
        CHECK_INT(size, 7 + 4 + 9 + 1 + 1);
        CHECK(!memcmp(buf, "CGMDv2:\xff\xff\xff\xffmy-group\0\0\x01", size),
              "bytes of _new()");
        free(buf);
        rd_kafka_consumer_group_metadata_destroy(md);

        /* _new_with_genid, and the exact bytes librdkafka writes. */
        md = rd_kafka_consumer_group_metadata_new_with_genid("grp", 5, "m-1",
                                                             "inst");
        CHECK_INT(rd_kafka_consumer_group_metadata_generation_id(md), 5);
        CHECK_STR(rd_kafka_consumer_group_metadata_group_instance_id(md), "inst");
        error = rd_kafka_consumer_group_metadata_write(md, &buf, &size);
        CHECK(error == NULL, "write");
        CHECK_INT(size, KNOWN_SIZE);
        if (little_endian)
                CHECK(!memcmp(buf, known, KNOWN_SIZE), "known bytes");
        rd_kafka_consumer_group_metadata_destroy(md);

        /* read() gives back an equal object. */
        md2 = NULL;
        error = rd_kafka_consumer_group_metadata_read(&md2, buf, size);
        CHECK(error == NULL, "read");
        free(buf);
        CHECK_STR(rd_kafka_consumer_group_metadata_group_id(md2), "grp");
        CHECK_STR(rd_kafka_consumer_group_metadata_member_id(md2), "m-1");
        CHECK_STR(rd_kafka_consumer_group_metadata_group_instance_id(md2), "inst");
        CHECK_INT(rd_kafka_consumer_group_metadata_generation_id(md2), 5);
        rd_kafka_consumer_group_metadata_destroy(md2);

        /* A buffer written by librdkafka reads back. */
        if (little_endian) {
                md2 = NULL;
                error = rd_kafka_consumer_group_metadata_read(&md2, known,
                                                              KNOWN_SIZE);
                CHECK(error == NULL, "read known");
                CHECK_STR(rd_kafka_consumer_group_metadata_member_id(md2), "m-1");
                rd_kafka_consumer_group_metadata_destroy(md2);
        }

        /* Without instance id, with the extreme generations. */
        md = rd_kafka_consumer_group_metadata_new_with_genid("g", INT32_MIN, "m",
                                                             NULL);
        error = rd_kafka_consumer_group_metadata_write(md, &buf, &size);
        CHECK(error == NULL, "write");
        rd_kafka_consumer_group_metadata_destroy(md);
        error = rd_kafka_consumer_group_metadata_read(&md2, buf, size);
        CHECK(error == NULL, "read");
        CHECK_INT(rd_kafka_consumer_group_metadata_generation_id(md2), INT32_MIN);
        CHECK(rd_kafka_consumer_group_metadata_group_instance_id(md2) == NULL,
              "no instance id after read");
        rd_kafka_consumer_group_metadata_destroy(md2);

        /* Corrupt input: too short, wrong magic or version, unprintable or
         * unterminated strings, missing or extra bytes. */
        expect_read_error("", 0, "empty");
        expect_read_error(NULL, 0, "NULL");
        expect_read_error("CGMDv2:\0\0\0\0\0\0", 13, "short");
        expect_read_error("CGMDv1:\0\0\0\0g\0m\0\x01", 15, "old version");
        expect_read_error("XXXXXX:\0\0\0\0g\0m\0\x01", 15, "bad magic");
        expect_read_error("CGMDv2:\0\0\0\0g\x07\0m\0\x01", 16, "bell in group");
        expect_read_error("CGMDv2:\0\0\0\0ggggg", 16, "unterminated");
        expect_read_error("CGMDv2:\0\0\0\0g\0m\0", 15, "no flag");
        expect_read_error("CGMDv2:\0\0\0\0g\0m\0\0inst", 19, "open instance");
        expect_read_error("CGMDv2:\0\0\0\0g\0m\0\x01zz", 17, "trailing");
        expect_read_error(buf, size - 1, "truncated");
        free(buf);

        /* Bad arguments. */
        CHECK(rd_kafka_consumer_group_metadata_new(NULL) == NULL, "new(NULL)");
        CHECK(rd_kafka_consumer_group_metadata_new_with_genid(NULL, 1, "m",
                                                              NULL) == NULL,
              "new_with_genid(NULL)");
        md = rd_kafka_consumer_group_metadata_new_with_genid("g", 1, NULL, NULL);
        CHECK_STR(rd_kafka_consumer_group_metadata_member_id(md), "");
        error = rd_kafka_consumer_group_metadata_write(md, NULL, &size);
        CHECK(error && rd_kafka_error_code(error) == RD_KAFKA_RESP_ERR__INVALID_ARG,
              "write to NULL");
        rd_kafka_error_destroy(error);
        rd_kafka_consumer_group_metadata_destroy(md);
        error = rd_kafka_consumer_group_metadata_write(NULL, &buf, &size);
        CHECK(error && rd_kafka_error_code(error) == RD_KAFKA_RESP_ERR__INVALID_ARG,
              "write(NULL)");
        rd_kafka_error_destroy(error);
        error = rd_kafka_consumer_group_metadata_read(NULL, known, KNOWN_SIZE);
        CHECK(error && rd_kafka_error_code(error) == RD_KAFKA_RESP_ERR__INVALID_ARG,
              "read(NULL)");
        rd_kafka_error_destroy(error);
        CHECK(rd_kafka_consumer_group_metadata_group_id(NULL) == NULL, "NULL");
        CHECK(rd_kafka_consumer_group_metadata_member_id(NULL) == NULL, "NULL");
        CHECK_INT(rd_kafka_consumer_group_metadata_generation_id(NULL), -1);
        rd_kafka_consumer_group_metadata_destroy(NULL);

        TEST_DONE();
}
