/*
 * mockhost: hosts a mock cluster of *ferrokafka* (linked to build/lib, our
 * header) so that independent clients can be run against it.
 *
 *   mockhost [BROKERS] [BOOTSTRAP_FILE]
 *
 * Prints the bootstrap servers on the first line of stdout (and writes
 * them to BOOTSTRAP_FILE), then executes one command per stdin line,
 * answering "ok" or "error: <reason>":
 *
 * The command set is that of tests/brokers/refmock.c (the reference mock
 * cluster's host), so that tests/integration/run.sh can drive either:
 *
 *   topic NAME PARTITIONS REPLICATION   create a topic
 *   down ID | up ID                     broker listener off / on
 *   rtt ID MS                           response delay of a broker
 *   leader TOPIC PARTITION ID           move a partition leader (-1: none)
 *   coordinator TYPE KEY ID             TYPE is group or transaction
 *   errors APIKEY CODE...               fail the next requests of APIKEY
 *   topic_error TOPIC CODE              report CODE for TOPIC in metadata
 *   delay MS                            group.initial.rebalance.delay.ms
 *   throttle ID MS                      quota throttle time in a broker's
 *                                       Produce/Fetch responses (ferrokafka
 *                                       only: ferrokafka_mock_broker_set_throttle)
 *   share SETTING VALUE                 share group setting (ferrokafka
 *                                       only): SETTING is session_timeout,
 *                                       heartbeat_interval,
 *                                       max_delivery_attempts,
 *                                       record_lock_duration,
 *                                       isolation_level, max_size,
 *                                       max_fetch_sessions,
 *                                       max_record_locks or
 *                                       auto_offset_reset
 *                                       (rd_kafka_mock_sharegroup_set_*)
 *   share_members GROUP                 answers "ok N": the share group's
 *                                       member count (ferrokafka only)
 *   quit                                exit (as does EOF)
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#define MAX_ERRS 64

/* "share SETTING VALUE" */
static rd_kafka_resp_err_t share_setting(rd_kafka_mock_cluster_t *mc, const char *name, int v) {
        static const struct {
                const char *name;
                void (*set)(rd_kafka_mock_cluster_t *, int);
        } settings[] = {
            {"session_timeout", rd_kafka_mock_sharegroup_set_session_timeout},
            {"heartbeat_interval", rd_kafka_mock_sharegroup_set_heartbeat_interval},
            {"max_delivery_attempts", rd_kafka_mock_sharegroup_set_max_delivery_attempts},
            {"record_lock_duration", rd_kafka_mock_sharegroup_set_record_lock_duration},
            {"isolation_level", rd_kafka_mock_sharegroup_set_isolation_level},
            {"max_size", rd_kafka_mock_sharegroup_set_max_size},
            {"max_fetch_sessions", rd_kafka_mock_sharegroup_set_max_fetch_sessions},
            {"max_record_locks", rd_kafka_mock_sharegroup_set_max_record_locks},
            {"auto_offset_reset", rd_kafka_mock_sharegroup_set_auto_offset_reset},
        };
        size_t i;
        for (i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
                if (!strcmp(name, settings[i].name)) {
                        settings[i].set(mc, v);
                        return RD_KAFKA_RESP_ERR_NO_ERROR;
                }
        return RD_KAFKA_RESP_ERR__INVALID_ARG;
}

/* "APIKEY CODE..." */
static rd_kafka_resp_err_t push_errors(rd_kafka_mock_cluster_t *mc, char *args) {
        rd_kafka_resp_err_t codes[MAX_ERRS];
        size_t n = 0;
        char *end;
        long apikey = strtol(args, &end, 10);
        if (end == args)
                return RD_KAFKA_RESP_ERR__INVALID_ARG;
        for (args = end; n < MAX_ERRS; args = end) {
                long v = strtol(args, &end, 10);
                if (end == args)
                        break;
                codes[n++] = (rd_kafka_resp_err_t)v;
        }
        if (!n)
                return RD_KAFKA_RESP_ERR__INVALID_ARG;
        rd_kafka_mock_push_request_errors_array(mc, (int16_t)apikey, n, codes);
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

int main(int argc, char **argv) {
        int brokers = argc > 1 ? atoi(argv[1]) : 3;
        char errstr[512], line[1024];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        rd_kafka_mock_cluster_t *mc;
        const char *bootstraps;

        if (!(rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr)))) {
                fprintf(stderr, "rd_kafka_new: %s\n", errstr);
                return 1;
        }
        if (!(mc = rd_kafka_mock_cluster_new(rk, brokers))) {
                fprintf(stderr, "mock cluster creation failed\n");
                return 1;
        }
        if (rd_kafka_mock_cluster_handle(mc) != rk) {
                fprintf(stderr, "rd_kafka_mock_cluster_handle mismatch\n");
                return 1;
        }
        bootstraps = rd_kafka_mock_cluster_bootstraps(mc);
        printf("%s\n", bootstraps);
        fflush(stdout);
        if (argc > 2) {
                FILE *f = fopen(argv[2], "w");
                if (!f || fprintf(f, "%s\n", bootstraps) < 0 || fclose(f)) {
                        perror(argv[2]);
                        return 1;
                }
        }
        signal(SIGPIPE, SIG_IGN);

        while (fgets(line, sizeof(line), stdin)) {
                char s1[256], s2[256];
                int a = 0, b = 0;
                rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;
                if (sscanf(line, "topic_error %255s %d", s1, &a) == 2)
                        rd_kafka_mock_topic_set_error(mc, s1, (rd_kafka_resp_err_t)a);
                else if (sscanf(line, "share_members %255s", s1) == 1) {
                        char **ids = NULL;
                        size_t cnt = 0, i;
                        err = rd_kafka_mock_sharegroup_get_member_ids(mc, s1, &ids, &cnt);
                        if (!err) {
                                for (i = 0; i < cnt; i++)
                                        free(ids[i]);
                                free(ids);
                                printf("ok %zu\n", cnt);
                                fflush(stdout);
                                continue;
                        }
                } else if (sscanf(line, "share %255s %d", s1, &a) == 2)
                        err = share_setting(mc, s1, a);
                else if (sscanf(line, "topic %255s %d %d", s1, &a, &b) == 3)
                        err = rd_kafka_mock_topic_create(mc, s1, a, b);
                else if (sscanf(line, "delay %d", &a) == 1)
                        rd_kafka_mock_group_initial_rebalance_delay_ms(mc, a);
                else if (sscanf(line, "down %d", &a) == 1)
                        err = rd_kafka_mock_broker_set_down(mc, a);
                else if (sscanf(line, "up %d", &a) == 1)
                        err = rd_kafka_mock_broker_set_up(mc, a);
                else if (sscanf(line, "throttle %d %d", &a, &b) == 2)
                        err = ferrokafka_mock_broker_set_throttle(mc, a, b);
                else if (sscanf(line, "rtt %d %d", &a, &b) == 2)
                        err = rd_kafka_mock_broker_set_rtt(mc, a, b);
                else if (sscanf(line, "leader %255s %d %d", s1, &a, &b) == 3)
                        err = rd_kafka_mock_partition_set_leader(mc, s1, a, b);
                else if (sscanf(line, "coordinator %255s %255s %d", s1, s2, &a) == 3)
                        err = rd_kafka_mock_coordinator_set(mc, s1, s2, a);
                else if (!strncmp(line, "errors ", 7))
                        err = push_errors(mc, line + 7);
                else if (!strncmp(line, "quit", 4))
                        break;
                else {
                        printf("error: unknown command: %s", line);
                        fflush(stdout);
                        continue;
                }
                if (err)
                        printf("error: %s\n", rd_kafka_err2name(err));
                else
                        printf("ok\n");
                fflush(stdout);
        }
        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(rk);
        return 0;
}
