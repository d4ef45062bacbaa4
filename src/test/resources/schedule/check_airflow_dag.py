"""Loads an Airflow DAG file without Airflow (which Debian does not package) and prints what it builds.

Usage: /usr/bin/python3 check_airflow_dag.py DAG_FILE RUN_TIME

1. The file must parse (ast) and import only the standard library and Airflow.
2. It is executed against stand-ins for airflow.DAG and SparkSubmitOperator whose keyword arguments are
   those of the real classes (apache-airflow-providers-apache-spark, BaseOperator, DAG): a misspelt or
   unknown argument fails here as it would in Airflow.
3. Every templated application argument is rendered with Jinja (StrictUndefined) for a run at RUN_TIME,
   with Airflow's ds filter and macros.ds_add.

Prints one JSON object: the DAG's arguments, the operator's arguments and the rendered arguments.
Used by ScheduleFilesTest; not a runtime dependency.
"""

import ast
import datetime
import json
import sys
import types

import jinja2

STDLIB = {"datetime", "os", "pathlib"}
AIRFLOW = {"airflow", "airflow.providers.apache.spark.operators.spark_submit"}

SPARK_SUBMIT_ARGS = {
    "application", "conf", "conn_id", "files", "py_files", "archives", "driver_class_path", "jars", "java_class",
    "packages", "exclude_packages", "repositories", "total_executor_cores", "executor_cores", "executor_memory",
    "driver_memory", "keytab", "principal", "proxy_user", "name", "num_executors", "status_poll_interval",
    "application_args", "env_vars", "verbose", "spark_binary", "properties_file", "yarn_queue", "deploy_mode",
    "use_krb5ccache", "post_submit_commands",
}
BASE_OPERATOR_ARGS = {
    "task_id", "owner", "email", "email_on_retry", "email_on_failure", "retries", "retry_delay",
    "retry_exponential_backoff", "max_retry_delay", "start_date", "end_date", "depends_on_past",
    "wait_for_downstream", "dag", "params", "default_args", "priority_weight", "weight_rule", "queue", "pool",
    "pool_slots", "execution_timeout", "on_execute_callback", "on_failure_callback", "on_success_callback",
    "on_retry_callback", "trigger_rule", "run_as_user", "max_active_tis_per_dag", "executor_config",
    "do_xcom_push", "inlets", "outlets", "task_group", "doc", "doc_md",
}
DAG_ARGS = {
    "dag_id", "description", "schedule", "start_date", "end_date", "default_args", "catchup", "max_active_runs",
    "max_active_tasks", "dagrun_timeout", "tags", "doc_md", "params", "is_paused_upon_creation",
    "render_template_as_native_obj", "on_failure_callback", "on_success_callback", "owner_links",
}

built = {"dags": [], "operators": []}


def check_kwargs(kind, kwargs, allowed):
    unknown = sorted(set(kwargs) - allowed)
    if unknown:
        raise SystemExit(f"{kind} has arguments the real class does not take: {unknown}")


class DAG:
    def __init__(self, **kwargs):
        check_kwargs("DAG", kwargs, DAG_ARGS)
        check_kwargs("default_args", kwargs.get("default_args", {}), BASE_OPERATOR_ARGS | SPARK_SUBMIT_ARGS)
        built["dags"].append(kwargs)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class SparkSubmitOperator:
    def __init__(self, **kwargs):
        check_kwargs("SparkSubmitOperator", kwargs, BASE_OPERATOR_ARGS | SPARK_SUBMIT_ARGS)
        if "task_id" not in kwargs:
            raise SystemExit("SparkSubmitOperator needs a task_id")
        built["operators"].append(kwargs)


def install_stand_ins():
    airflow = types.ModuleType("airflow")
    airflow.DAG = DAG
    sys.modules["airflow"] = airflow
    for name in ["airflow.providers", "airflow.providers.apache", "airflow.providers.apache.spark",
                 "airflow.providers.apache.spark.operators"]:
        sys.modules[name] = types.ModuleType(name)
    spark_submit = types.ModuleType("airflow.providers.apache.spark.operators.spark_submit")
    spark_submit.SparkSubmitOperator = SparkSubmitOperator
    sys.modules[spark_submit.__name__] = spark_submit


def check_imports(tree):
    for node in tree.body:
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module]
        for n in names:
            if n.split(".")[0] not in STDLIB and n not in AIRFLOW:
                raise SystemExit(f"line {node.lineno}: imports {n}; a DAG file should import only Airflow and the standard library")


def render(value, run_time):
    """Renders a template as Airflow would for a scheduled run at run_time (data_interval_end)."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.filters["ds"] = lambda d: d.strftime("%Y-%m-%d")

    def ds_add(ds, days):
        return (datetime.date.fromisoformat(ds) + datetime.timedelta(days=days)).isoformat()

    return env.from_string(value).render(data_interval_end=run_time, macros=types.SimpleNamespace(ds_add=ds_add))


def main():
    path, run_time = sys.argv[1], datetime.datetime.fromisoformat(sys.argv[2])
    source = open(path, encoding="utf-8").read()
    tree = ast.parse(source, filename=path)
    check_imports(tree)
    install_stand_ins()
    exec(compile(tree, path, "exec"), {"__name__": "gevinst_dag", "__file__": path})
    operator = built["operators"][0] if built["operators"] else {}
    print(json.dumps({
        "dags": built["dags"],
        "operators": built["operators"],
        "rendered_args": [render(a, run_time) for a in operator.get("application_args", [])],
    }, default=str))


if __name__ == "__main__":
    main()
