"""Gevinst's nightly run as an Airflow DAG: spark-submit of the thin jar, once a night, one run at a time.

Install: copy this file into the DAGs folder. It needs the apache-airflow-providers-apache-spark package
and a Spark connection (default id spark_default) whose host is the cluster's master: yarn,
spark://host:7077 or k8s://https://host:6443. The worker that runs the task needs spark-submit on its
PATH and the release folder GEVINST_HOME (the jar, target/submit-lib and jobs/), see the README,
"Running on a cluster".

Failures reach people through Airflow: the task fails on any non-zero exit code (README, "Exit codes"),
email_on_failure mails ALERT_EMAIL, and the last line of the task log is gevinst's one-line summary,
"gevinst: exit N (...): ...". A rerun is safe: a night's outputs are replaced, not added to.
"""

from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

GEVINST_HOME = "/opt/gevinst"
ALERT_EMAIL = ["gevinst-drift@kommune.example"]

with DAG(
    dag_id="gevinst_nightly",
    description="GO / EXTEND / STOP for every municipal IT pilot, core task first",
    schedule="30 2 * * *",  # after the case systems' exports have landed
    start_date=datetime(2026, 1, 1),
    catchup=False,  # replay a missed night on purpose: airflow dags backfill, or gevinst run --as-of
    max_active_runs=1,  # gevinst also holds a lock on the output folder (exit 4)
    default_args={
        "owner": "gevinst",
        "email": ALERT_EMAIL,
        "email_on_failure": True,
        "email_on_retry": False,
        # One retry, for a cluster that was briefly unavailable (exit 7); reruns are idempotent.
        "retries": 1,
        "retry_delay": timedelta(minutes=30),
        "execution_timeout": timedelta(hours=4),
    },
    tags=["gevinst"],
) as dag:
    SparkSubmitOperator(
        task_id="evaluate_pilots",
        conn_id="spark_default",
        application=f"{GEVINST_HOME}/gevinst.jar",
        java_class="dk.gevinst.cli.Main",
        # spark-submit expands the glob: the few libraries a Spark cluster lacks.
        jars=f"{GEVINST_HOME}/submit-lib/*.jar",
        name="gevinst-nightly",
        deploy_mode="client",
        application_args=[
            "run",
            "--config", f"{GEVINST_HOME}/jobs/nightly.yaml",
            # The night before the run, as gevinst's own default; the same on Airflow 2 and 3, whose cron
            # schedules give different logical dates. Backfills and reruns replay their own night.
            "--as-of", "{{ macros.ds_add(data_interval_end | ds, -1) }}",
            "--key-file", "/etc/gevinst/pseudonym.key",
            "--quiet",
        ],
    )
