/* The built-in partitioners give librdkafka's (and the Java client's)
 * partition for known keys. Expected values: hash (Java Utils.murmur2 /
 * Go fnv New32a / zlib crc32) of the key, made positive, modulo 100. */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static int32_t part(int32_t (*f)(const rd_kafka_topic_t *, const void *, size_t,
                                 int32_t, void *, void *),
                    const char *key, int32_t cnt) {
        return f(NULL, key, key ? strlen(key) : 0, cnt, NULL, NULL);
}

int main(void) {
        int i;
        /* murmur2("kafka") = 0xd067cf64 -> & 0x7fffffff = 1348980580 */
        CHECK_INT(part(rd_kafka_msg_partitioner_murmur2, "kafka", 100), 1348980580 % 100);
        CHECK_INT(part(rd_kafka_msg_partitioner_murmur2, "giberish123456789", 100),
                  (0x8f552b0c & 0x7fffffff) % 100);
        CHECK_INT(part(rd_kafka_msg_partitioner_murmur2_random, "kafka", 7),
                  (0xd067cf64 & 0x7fffffff) % 7);
        /* fnv1a("kafka") = 0x0d33c4e1 */
        CHECK_INT(part(rd_kafka_msg_partitioner_fnv1a, "kafka", 100), 0x0d33c4e1 % 100);
        CHECK_INT(part(rd_kafka_msg_partitioner_fnv1a_random, "1234", 13), 0x023bdd03 % 13);
        /* crc32("123456789") = 0xcbf43926 */
        CHECK_INT(part(rd_kafka_msg_partitioner_consistent, "123456789", 1000),
                  0xcbf43926u % 1000);
        CHECK_INT(part(rd_kafka_msg_partitioner_consistent_random, "123456789", 1000),
                  0xcbf43926u % 1000);
        /* Random choices stay in range; NULL keys go random. */
        for (i = 0; i < 1000; i++) {
                int32_t p = part(rd_kafka_msg_partitioner_random, "k", 5);
                CHECK(p >= 0 && p < 5, "random gave %d", p);
                p = part(rd_kafka_msg_partitioner_murmur2_random, NULL, 5);
                CHECK(p >= 0 && p < 5, "murmur2_random gave %d", p);
        }
        TEST_DONE();
}
