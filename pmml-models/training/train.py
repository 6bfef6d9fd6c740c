#!/usr/bin/python3
"""Trains the appliance's three models on a training table written by `appliance features`.

For each model it pickles the fitted scikit-learn pipeline (the Java converter turns it into
PMML), writes its metrics as JSON and a holdout sample with scikit-learn's own predictions (the
parity tests compare the scoring library against these), and, for the segments, the cluster
names derived from the centroids (see SEGMENT_RULE).

Uses Debian's python3-sklearn and python3-pandas: run it with /usr/bin/python3.
"""
import argparse
import datetime
import hashlib
import json
import pickle
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score, silhouette_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

PROPENSITY_FEATURES = [
    "sessions_7d", "sessions_30d", "orders_30d", "orders_lifetime", "revenue_30d",
    "view_to_cart_rate", "cart_to_purchase_rate", "cart_abandonment_rate",
    "avg_session_depth", "days_since_last_visit", "distinct_categories_30d", "tenure_days",
]
CHURN_FEATURES = [
    "sessions_7d", "sessions_30d", "orders_30d", "orders_lifetime", "days_since_last_visit",
    "avg_session_duration_s", "avg_session_depth", "cart_abandonment_rate", "tenure_days",
]
SEGMENT_FEATURES = [
    "days_since_last_visit", "sessions_30d", "orders_lifetime", "revenue_lifetime",
    "average_order_value",
]

SEGMENT_RULE = (
    "Centroids are read in original units. In this order, each rule takes one of the clusters "
    "not yet named: 'at-risk' = the highest days_since_last_visit; 'loyal high spenders' = the "
    "highest revenue_lifetime; 'bargain hunters' = the lowest average_order_value among clusters "
    "with orders_lifetime >= 1; 'regular shoppers' = the most orders_lifetime; any cluster "
    "left is 'occasional shoppers' (numbered if more than one)."
)


def main():
    args = parse_args()
    table = read_table(args.table)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    source = describe_source(args.table, table)
    train_idx, holdout_idx = split(table, args.split, args.holdout, args.seed)
    print(f"training table: {len(table)} users, {len(train_idx)} train / {len(holdout_idx)} holdout "
          f"({args.split} split)", flush=True)

    propensity = Pipeline([
        ("impute", SimpleImputer(strategy="constant", fill_value=0.0)),
        ("scale", StandardScaler()),
        ("model", LogisticRegression(max_iter=1000, class_weight="balanced", random_state=args.seed)),
    ])
    train_classifier("purchase_propensity", propensity, PROPENSITY_FEATURES, "purchased_next_7d",
                     table, train_idx, holdout_idx, out, source, args)

    churn = Pipeline([
        ("impute", SimpleImputer(strategy="constant", fill_value=0.0)),
        ("model", DecisionTreeClassifier(max_depth=args.tree_depth, min_samples_leaf=50,
                                         class_weight="balanced", random_state=args.seed)),
    ])
    train_classifier("churn_risk", churn, CHURN_FEATURES, "churned_30d",
                     table, train_idx, holdout_idx, out, source, args)

    train_segments(table, train_idx, holdout_idx, out, source, args)

    numeric = [c for c in table.columns
               if c not in ("user_id", "favourite_category", "purchased_next_7d", "churned_30d")]
    golden = table.loc[holdout_idx[:args.golden_rows], numeric]
    golden.to_csv(out / "golden_features.csv", index=False, float_format="%.17g")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", required=True, help="training table CSV (appliance features)")
    parser.add_argument("--out-dir", required=True, help="folder for pickles, metrics, holdouts")
    parser.add_argument("--split", choices=["stratified", "time"], default="stratified",
                        help="stratified by label, or time: the newest users (lowest tenure) "
                             "are held out")
    parser.add_argument("--holdout", type=float, default=0.2, help="holdout share (default 0.2)")
    parser.add_argument("--segments", type=int, default=5, help="k-means clusters (default 5)")
    parser.add_argument("--tree-depth", type=int, default=5, help="churn tree depth (default 5)")
    parser.add_argument("--parity-rows", type=int, default=1000,
                        help="holdout rows written with scikit-learn's predictions (default 1000)")
    parser.add_argument("--golden-rows", type=int, default=200,
                        help="feature rows written as the deployment golden set (default 200)")
    parser.add_argument("--seed", type=int, default=42)
    return parser.parse_args()


def read_table(path):
    try:
        table = pd.read_csv(path, dtype={"user_id": str, "favourite_category": str})
    except (OSError, pd.errors.ParserError) as e:
        sys.exit(f"cannot read training table {path}: {e}")
    needed = set(PROPENSITY_FEATURES + CHURN_FEATURES + SEGMENT_FEATURES
                 + ["purchased_next_7d", "churned_30d"])
    missing = sorted(needed - set(table.columns))
    if missing:
        sys.exit(f"training table {path} lacks columns {missing}; write it with `appliance features`")
    if len(table) < 200:
        sys.exit(f"training table {path} has {len(table)} rows; at least 200 are needed")
    for label in ["purchased_next_7d", "churned_30d"]:
        if table[label].nunique() < 2:
            sys.exit(f"label {label} has a single value in {path}; the models need both classes")
    return table


def describe_source(path, table):
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return {"file": Path(path).name, "sha256": digest, "rows": len(table)}


def split(table, how, holdout, seed):
    if how == "time":
        order = table["tenure_days"].sort_values(ascending=False, kind="mergesort").index
        cut = int(len(order) * (1 - holdout))
        return order[:cut], order[cut:]
    return train_test_split(table.index, test_size=holdout, random_state=seed,
                            stratify=table["purchased_next_7d"])


def train_classifier(name, pipeline, features, label, table, train_idx, holdout_idx, out, source,
                     args):
    x_train, y_train = table.loc[train_idx, features], table.loc[train_idx, label]
    x_hold, y_hold = table.loc[holdout_idx, features], table.loc[holdout_idx, label]
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    cv_auc = cross_val_score(pipeline, x_train, y_train, cv=folds, scoring="roc_auc")
    pipeline.fit(x_train, y_train)
    probability = pipeline.predict_proba(x_hold)
    predicted = (probability[:, 1] >= 0.5).astype(int)
    metrics = {
        "model": name,
        "algorithm": type(pipeline[-1]).__name__,
        "label": label,
        "features": features,
        "parameters": {k: repr(v) for k, v in pipeline[-1].get_params().items()},
        "rows": {"train": len(train_idx), "holdout": len(holdout_idx),
                 "positive_share": float(table[label].mean())},
        "holdout": {
            "auc": float(roc_auc_score(y_hold, probability[:, 1])),
            "precision": float(precision_score(y_hold, predicted, zero_division=0)),
            "recall": float(recall_score(y_hold, predicted, zero_division=0)),
            "f1": float(f1_score(y_hold, predicted, zero_division=0)),
            "threshold": 0.5,
        },
        "cross_validation": {"folds": 5, "auc_mean": float(cv_auc.mean()),
                             "auc_std": float(cv_auc.std())},
    }
    holdout = x_hold.copy()
    holdout.insert(0, "user_id", table.loc[holdout_idx, "user_id"])
    holdout["probability(0)"] = probability[:, 0]
    holdout["probability(1)"] = probability[:, 1]
    add_reasons(holdout, pipeline, x_hold, features)
    finish(name, pipeline, metrics, holdout, out, source, args)
    print(f"{name}: holdout AUC {metrics['holdout']['auc']:.3f}, "
          f"CV AUC {cv_auc.mean():.3f} ± {cv_auc.std():.3f}", flush=True)


def add_reasons(holdout, pipeline, x, features, top=3):
    """The top contributions per row, computed here independently of the Java scorers: for the
    logistic regression coefficient x standardized value, for the tree the change of the
    positive-class probability along the decision path, credited to the feature each split tests
    (class weights included, as in the tree's own node values)."""
    prepared = pipeline[:-1].transform(x)
    model = pipeline[-1]
    if isinstance(model, LogisticRegression):
        contributions = prepared * model.coef_[0]
    else:
        tree = model.tree_
        positive = tree.value[:, 0, 1] / tree.value[:, 0, :].sum(axis=1)
        contributions = np.zeros(prepared.shape)
        paths = model.decision_path(prepared.astype(np.float32))
        for row in range(prepared.shape[0]):
            nodes = paths.indices[paths.indptr[row]:paths.indptr[row + 1]]
            for parent, child in zip(nodes[:-1], nodes[1:]):
                contributions[row, tree.feature[parent]] += positive[child] - positive[parent]
    for rank in range(top):
        holdout[f"reason_{rank + 1}"] = ""
        holdout[f"contribution_{rank + 1}"] = np.nan
    for row in range(prepared.shape[0]):
        ranked = sorted(((-abs(v), features[i], v) for i, v in enumerate(contributions[row])
                         if v != 0.0))[:top]
        for rank, (_, feature, value) in enumerate(ranked):
            holdout.iloc[row, holdout.columns.get_loc(f"reason_{rank + 1}")] = feature
            holdout.iloc[row, holdout.columns.get_loc(f"contribution_{rank + 1}")] = value


def train_segments(table, train_idx, holdout_idx, out, source, args):
    features = SEGMENT_FEATURES
    pipeline = Pipeline([
        ("impute", SimpleImputer(strategy="constant", fill_value=0.0)),
        ("scale", StandardScaler()),
        ("model", KMeans(n_clusters=args.segments, n_init=10, random_state=args.seed)),
    ])
    x_train = table.loc[train_idx, features]
    x_hold = table.loc[holdout_idx, features]
    pipeline.fit(x_train)
    centroids = pd.DataFrame(
        pipeline.named_steps["scale"].inverse_transform(pipeline[-1].cluster_centers_),
        columns=features)
    names = segment_names(centroids)
    clusters = pipeline.predict(x_hold)
    scaled = pipeline[:-1].transform(x_hold)
    sample = min(len(scaled), 5000)
    metrics = {
        "model": "segment",
        "algorithm": "KMeans",
        "label": None,
        "features": features,
        "parameters": {k: repr(v) for k, v in pipeline[-1].get_params().items()},
        "rows": {"train": len(train_idx), "holdout": len(holdout_idx)},
        "holdout": {
            "silhouette": float(silhouette_score(scaled[:sample], clusters[:sample])),
            "inertia_train": float(pipeline[-1].inertia_),
            "cluster_sizes": {names[i]: int((clusters == i).sum()) for i in range(len(names))},
        },
        "centroids": {names[i]: centroids.iloc[i].round(3).to_dict() for i in range(len(names))},
        "segment_rule": SEGMENT_RULE,
    }
    (out / "segment_labels.json").write_text(
        json.dumps({"rule": SEGMENT_RULE, "labels": {str(i): n for i, n in enumerate(names)}},
                   indent=2) + "\n")
    holdout = x_hold.copy()
    holdout.insert(0, "user_id", table.loc[holdout_idx, "user_id"])
    holdout["cluster"] = clusters
    finish("segment", pipeline, metrics, holdout, out, source, args)
    print(f"segment: {args.segments} clusters {names}, silhouette "
          f"{metrics['holdout']['silhouette']:.3f}", flush=True)


def segment_names(centroids):
    """Names clusters from their centroids by SEGMENT_RULE."""
    left = list(centroids.index)
    names = {}

    def take(name, column, highest, among=None):
        candidates = [i for i in left if among is None or among(i)]
        if not candidates:
            return
        values = centroids.loc[candidates, column]
        chosen = values.idxmax() if highest else values.idxmin()
        names[chosen] = name
        left.remove(chosen)

    take("at-risk", "days_since_last_visit", highest=True)
    take("loyal high spenders", "revenue_lifetime", highest=True)
    take("bargain hunters", "average_order_value", highest=False,
         among=lambda i: centroids.loc[i, "orders_lifetime"] >= 1)
    take("regular shoppers", "orders_lifetime", highest=True)
    for n, i in enumerate(left):
        names[i] = "occasional shoppers" if len(left) == 1 else f"occasional shoppers {n + 1}"
    return [names[i] for i in range(len(centroids))]


def finish(name, pipeline, metrics, holdout, out, source, args):
    metrics["training_table"] = source
    metrics["split"] = {"method": args.split, "holdout_share": args.holdout, "seed": args.seed}
    metrics["trained_at"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    metrics["sklearn_version"] = sklearn.__version__
    # Plain pickle, not joblib: the converter cannot read joblib's wrapped numpy arrays.
    with open(out / f"{name}.pkl", "wb") as f:
        pickle.dump(pipeline, f, protocol=4)
    (out / f"{name}.metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    holdout.head(args.parity_rows).to_csv(out / f"{name}.holdout.csv", index=False,
                                          float_format="%.17g")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
