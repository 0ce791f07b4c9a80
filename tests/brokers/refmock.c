/*
 * refmock: hosts the mock Kafka cluster of the *system* librdkafka (Debian's
 * librdkafka1) in its own process, so ferrokafka's tests can talk to a
 * broker implementation written by others. This program links the real
 * librdkafka; ferrokafka itself never does.
 *
 *   refmock [BROKERS] [BOOTSTRAP_FILE]
 *
 * Prints the bootstrap servers on the first line of stdout (and writes them
 * to BOOTSTRAP_FILE), then executes one command per stdin line, answering
 * "ok" or "error: <reason>":
 *
 *   topic NAME PARTITIONS REPLICATION   create a topic
 *   down ID | up ID                     stop / restart a broker's listener
 *   rtt ID MS                           add latency to a broker's responses
 *   leader TOPIC PARTITION ID           move a partition leader (-1: none)
 *   coordinator TYPE KEY ID             TYPE is group or transaction
 *   errors APIKEY CODE...               fail the next requests of APIKEY
 *   topic_error TOPIC CODE              report CODE for TOPIC in metadata
 *   quit                                exit (as does EOF or SIGTERM)
 *
 * Built with -DREFMOCK_KIP848 against a librdkafka whose mock cluster has
 * the KIP-848 consumer group coordinator (2.16: build/reference-librdkafka,
 * with ferrokafka's ABI-identical header), it also knows:
 *
 *   cgrp_hb MS                          ConsumerGroupHeartbeat interval
 *   cgrp_session MS                     consumer group session timeout
 *
 * REFMOCK_DEBUG=<debug contexts> (e.g. "mock,protocol") turns on the hosting
 * client's debug log (stderr), which includes the mock cluster's.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#define MAX_ERRS 64

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
        int brokers = argc > 1 ? atoi(argv[1]) : 1;
        char errstr[512], line[1024];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        rd_kafka_mock_cluster_t *mc;
        const char *bootstraps;

        /* REFMOCK_DEBUG=mock (or any debug contexts) logs what the mock
         * cluster does, to stderr, for diagnosing. */
        if (getenv("REFMOCK_DEBUG")) {
                rd_kafka_conf_set(conf, "debug", getenv("REFMOCK_DEBUG"), errstr, sizeof(errstr));
        } else {
                rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof(errstr));
        }
        if (!(rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr)))) {
                fprintf(stderr, "rd_kafka_new: %s\n", errstr);
                return 1;
        }
        if (!(mc = rd_kafka_mock_cluster_new(rk, brokers < 1 ? 1 : brokers))) {
                fprintf(stderr, "mock cluster creation failed\n");
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
                long a, b;
                rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;

                if (!strncmp(line, "quit", 4))
                        break;
                if (sscanf(line, "topic_error %255s %ld", s1, &a) == 2)
                        rd_kafka_mock_topic_set_error(mc, s1, (rd_kafka_resp_err_t)a);
                else if (sscanf(line, "topic %255s %ld %ld", s1, &a, &b) == 3)
                        err = rd_kafka_mock_topic_create(mc, s1, (int)a, (int)b);
                else if (sscanf(line, "down %ld", &a) == 1)
                        err = rd_kafka_mock_broker_set_down(mc, (int32_t)a);
                else if (sscanf(line, "up %ld", &a) == 1)
                        err = rd_kafka_mock_broker_set_up(mc, (int32_t)a);
                else if (sscanf(line, "rtt %ld %ld", &a, &b) == 2)
                        err = rd_kafka_mock_broker_set_rtt(mc, (int32_t)a, (int)b);
                else if (sscanf(line, "leader %255s %ld %ld", s1, &a, &b) == 3)
                        err = rd_kafka_mock_partition_set_leader(mc, s1, (int32_t)a, (int32_t)b);
                else if (sscanf(line, "coordinator %255s %255s %ld", s1, s2, &a) == 3)
                        err = rd_kafka_mock_coordinator_set(mc, s1, s2, (int32_t)a);
#ifdef REFMOCK_KIP848
                else if (sscanf(line, "cgrp_hb %ld", &a) == 1)
                        rd_kafka_mock_set_group_consumer_heartbeat_interval_ms(mc, (int)a);
                else if (sscanf(line, "cgrp_session %ld", &a) == 1)
                        rd_kafka_mock_set_group_consumer_session_timeout_ms(mc, (int)a);
#endif
                else if (!strncmp(line, "errors ", 7))
                        err = push_errors(mc, line + 7);
                else {
                        printf("error: unknown command: %s", line);
                        fflush(stdout);
                        continue;
                }
                if (err)
                        printf("error: %s\n", rd_kafka_err2str(err));
                else
                        printf("ok\n");
                fflush(stdout);
        }
        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(rk);
        return 0;
}
