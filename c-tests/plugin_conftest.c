/* A tiny plugin for test_conf: loaded through plugin.library.paths.
 *
 * conf_init() sets client.rack (to show it can use the conf API), and
 * registers an on_conf_set interceptor that handles the made-up property
 * "conftest.plugin.value", plus an on_conf_destroy interceptor that frees
 * its state (valgrind checks that it runs). With FK_CONFTEST_PLUGIN_FAIL
 * set in the environment, conf_init() fails. */
#include <stdlib.h>
#include <string.h>
#include <librdkafka/rdkafka.h>

struct state {
        char value[64];
};

static rd_kafka_conf_res_t on_conf_set(rd_kafka_conf_t *conf,
                                       const char *name,
                                       const char *val,
                                       char *errstr,
                                       size_t errstr_size,
                                       void *opaque) {
        struct state *st = opaque;
        (void)conf;
        if (strcmp(name, "conftest.plugin.value"))
                return RD_KAFKA_CONF_UNKNOWN;
        if (!val || strlen(val) >= sizeof(st->value)) {
                if (errstr_size > 0)
                        strncpy(errstr, "conftest.plugin.value: bad value", errstr_size - 1),
                            errstr[errstr_size - 1] = '\0';
                return RD_KAFKA_CONF_INVALID;
        }
        strcpy(st->value, val);
        return RD_KAFKA_CONF_OK;
}

static rd_kafka_resp_err_t on_conf_destroy(void *opaque) {
        free(opaque);
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

rd_kafka_resp_err_t conf_init(rd_kafka_conf_t *conf,
                              void **plug_opaquep,
                              char *errstr,
                              size_t errstr_size) {
        struct state *st;

        if (getenv("FK_CONFTEST_PLUGIN_FAIL")) {
                if (errstr_size > 0)
                        strncpy(errstr, "conftest plugin refuses to load", errstr_size - 1),
                            errstr[errstr_size - 1] = '\0';
                return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }

        st = calloc(1, sizeof(*st));
        rd_kafka_conf_interceptor_add_on_conf_set(conf, "conftest", on_conf_set, st);
        rd_kafka_conf_interceptor_add_on_conf_destroy(conf, "conftest", on_conf_destroy, st);
        rd_kafka_conf_set(conf, "client.rack", "plugin-rack", NULL, 0);
        *plug_opaquep = st;
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}
