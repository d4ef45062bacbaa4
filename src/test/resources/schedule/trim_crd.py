"""Extracts the ScheduledSparkApplication v1beta2 schema from the Spark operator's CRD, for ScheduleFilesTest.

Usage: /usr/bin/python3 trim_crd.py CRD_YAML UPSTREAM_COMMIT > scheduledsparkapplication-v1beta2.schema.json

CRD_YAML is config/crd/bases/sparkoperator.k8s.io_scheduledsparkapplications.yaml of
https://github.com/kubeflow/spark-operator (Apache License 2.0). Descriptions are dropped to keep the
file small; every type, enum, required list and format is kept as the operator's API server sees it.
"""

import json
import sys

import yaml


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def main():
    crd = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    version = next(v for v in crd["spec"]["versions"] if v["name"] == "v1beta2")
    schema = strip(version["schema"]["openAPIV3Schema"])
    schema["$comment"] = ("openAPIV3Schema of " + crd["metadata"]["name"] + " v1beta2, descriptions removed; from "
                          "https://github.com/kubeflow/spark-operator/blob/" + sys.argv[2]
                          + "/config/crd/bases/sparkoperator.k8s.io_scheduledsparkapplications.yaml (Apache License 2.0)")
    json.dump(schema, sys.stdout, separators=(",", ":"), sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
