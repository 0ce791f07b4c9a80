/* The error catalog and error objects through the C API. */
#include <errno.h>
#include <pthread.h>
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static void *texts_in_thread(void *arg) {
        const char **out = arg;
        out[0] = rd_kafka_err2str((rd_kafka_resp_err_t)-22222);
        out[1] = rd_kafka_err2name((rd_kafka_resp_err_t)-22222);
        return NULL;
}

int main(void) {
        const struct rd_kafka_err_desc *descs;
        size_t cnt, i, named = 0;
        rd_kafka_error_t *error;

        CHECK_STR(rd_kafka_err2str(RD_KAFKA_RESP_ERR__TRANSPORT),
                  "Local: Broker transport failure");
        CHECK_STR(rd_kafka_err2name(RD_KAFKA_RESP_ERR__TRANSPORT), "_TRANSPORT");
        CHECK_STR(rd_kafka_err2str(RD_KAFKA_RESP_ERR_NO_ERROR), "Success");
        CHECK_STR(rd_kafka_err2name(RD_KAFKA_RESP_ERR_NOT_COORDINATOR), "NOT_COORDINATOR");
        CHECK_STR(rd_kafka_err2str(RD_KAFKA_RESP_ERR_GROUP_LOAD_IN_PROGRESS),
                  rd_kafka_err2str(RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS));
        CHECK_STR(rd_kafka_err2str((rd_kafka_resp_err_t)4242), "Err-4242?");
        CHECK_STR(rd_kafka_err2name((rd_kafka_resp_err_t)-4242), "ERR_-4242?");

        /* Texts of uncatalogued codes stay valid: err2name() must not free
         * or overwrite what an earlier err2str() returned (it did, and the
         * first string read freed memory), and later calls with other
         * codes leave earlier strings alone, even across threads that have
         * ended. Run under valgrind by make test. */
        {
                const char *desc = rd_kafka_err2str((rd_kafka_resp_err_t)-12345);
                const char *name = rd_kafka_err2name((rd_kafka_resp_err_t)-12345);
                const char *other[2] = {NULL, NULL};
                pthread_t th;
                int i;
                CHECK_STR(desc, "Err--12345?");
                CHECK_STR(name, "ERR_-12345?");
                for (i = 0; i < 100; i++) {
                        rd_kafka_err2str((rd_kafka_resp_err_t)(-30000 - i));
                        rd_kafka_err2name((rd_kafka_resp_err_t)(-30000 - i));
                }
                CHECK_STR(desc, "Err--12345?");
                CHECK_STR(name, "ERR_-12345?");
                CHECK_INT(pthread_create(&th, NULL, texts_in_thread, other), 0);
                pthread_join(th, NULL);
                CHECK_STR(other[0], "Err--22222?");
                CHECK_STR(other[1], "ERR_-22222?");
                /* The same code gives the same text again. */
                CHECK_STR(rd_kafka_err2str((rd_kafka_resp_err_t)-12345), "Err--12345?");
        }

        /* The table is indexed by code - RD_KAFKA_RESP_ERR__BEGIN. */
        rd_kafka_get_err_descs(&descs, &cnt);
        CHECK(cnt > 300, "only %zu slots", cnt);
        for (i = 0; i < cnt; i++) {
                if (!descs[i].desc)
                        continue;
                named++;
                CHECK_INT(descs[i].code, (int)i + RD_KAFKA_RESP_ERR__BEGIN);
                CHECK_STR(rd_kafka_err2name(descs[i].code), descs[i].name);
                CHECK_STR(rd_kafka_err2str(descs[i].code), descs[i].desc);
        }
        CHECK(named >= 185, "%zu named codes", named);

        CHECK_INT(rd_kafka_errno2err(EINVAL), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_errno2err(ENOBUFS), RD_KAFKA_RESP_ERR__QUEUE_FULL);
        CHECK_INT(rd_kafka_errno2err(ETIMEDOUT), RD_KAFKA_RESP_ERR__TIMED_OUT);
        CHECK_INT(rd_kafka_errno2err(EMSGSIZE), RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE);

        /* Error objects, including the variadic constructor (C shim). */
        error = rd_kafka_error_new(RD_KAFKA_RESP_ERR__TIMED_OUT, "waited %d ms for %s", 1500, "x");
        CHECK_INT(rd_kafka_error_code(error), RD_KAFKA_RESP_ERR__TIMED_OUT);
        CHECK_STR(rd_kafka_error_name(error), "_TIMED_OUT");
        CHECK_STR(rd_kafka_error_string(error), "waited 1500 ms for x");
        CHECK_INT(rd_kafka_error_is_fatal(error), 0);
        CHECK_INT(rd_kafka_error_is_retriable(error), 0);
        CHECK_INT(rd_kafka_error_txn_requires_abort(error), 0);
        rd_kafka_error_destroy(error);

        error = rd_kafka_error_new(RD_KAFKA_RESP_ERR__FAIL, NULL);
        CHECK_STR(rd_kafka_error_string(error), rd_kafka_err2str(RD_KAFKA_RESP_ERR__FAIL));
        rd_kafka_error_destroy(error);

        /* NULL error objects read as "no error". */
        CHECK_INT(rd_kafka_error_code(NULL), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_STR(rd_kafka_error_string(NULL), "Success");
        rd_kafka_error_destroy(NULL);

        CHECK_CONTAINS(rd_kafka_get_debug_contexts(), "metadata");
        TEST_DONE();
}
