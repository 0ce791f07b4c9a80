/* The ABI facts of librdkafka 2.15 hold for our header: every enum value and
 * numeric #define, every struct size, alignment and field offset. */
#include <stddef.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include "testutil.h"
#include "abi_facts_gen.h"

int main(void) {
        check_abi_facts();
        /* The API level reported at run time matches the header. */
        CHECK_INT(rd_kafka_version(), RD_KAFKA_VERSION);
        CHECK(rd_kafka_version() >= 0x021000ff, "version 0x%x", rd_kafka_version());
        CHECK(!strncmp(rd_kafka_version_str(), "2.16.0", 6), "%s", rd_kafka_version_str());
        CHECK_CONTAINS(rd_kafka_version_str(), "ferrokafka");
        /* Enum types are int-sized, as C compilers make librdkafka's. */
        CHECK_INT(sizeof(rd_kafka_resp_err_t), sizeof(int));
        CHECK_INT(sizeof(rd_kafka_type_t), sizeof(int));
        TEST_DONE();
}
