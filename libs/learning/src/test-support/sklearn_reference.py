"""Reference figures from scikit-learn for the trainer's tests and bench.

Reads one JSON task from the file named on the command line and prints one JSON answer:
  {"task": "logistic", "X": [[...]], "y": [...], "C": 1.0, "test"?: {"X", "y"}}
      -> {"coef": [...], "intercept": float, "objective": float, "auc"?: float,
          "lbfgs": {same + "iterations"}, "version": str}
     LogisticRegression(C, penalty="l2", tol=1e-10, max_iter=10000) solved with "newton-cholesky"
     (converges to the minimum) and with the default "lbfgs" (which can stop early on its relative
     objective tolerance when one-hot columns make the problem ill-conditioned).
  {"task": "gbdt", "train": {"X", "y"}, "test": {"X", "y"}, "categorical": [bool], "params": {...}}
      -> {"auc": float, "iterations": int, "version": str}
  {"task": "auc", "scores": [...], "labels": [...]}  -> {"auc": float, "version": str}
Missing values are null in X (NaN for scikit-learn).
"""
import json
import sys
import warnings

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score


def matrix(rows):
    return np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)


def logistic(task):
    X = matrix(task["X"])
    y = np.array(task["y"])

    def fit(solver):
        model = LogisticRegression(C=task["C"], penalty="l2", tol=1e-10, max_iter=10000, solver=solver)
        model.fit(X, y)
        w = model.coef_[0]
        b = float(model.intercept_[0])
        z = b + X @ w
        # scikit-learn's objective: ½‖w‖² + C · Σ log-loss.
        objective = 0.5 * w @ w + task["C"] * np.sum(np.logaddexp(0, z) - y * z)
        answer = {
            "coef": w.tolist(),
            "intercept": b,
            "objective": float(objective),
            "iterations": int(model.n_iter_[0]),
        }
        if "test" in task:
            scores = model.predict_proba(matrix(task["test"]["X"]))[:, 1]
            answer["auc"] = float(roc_auc_score(task["test"]["y"], scores))
        return answer

    answer = fit("newton-cholesky")
    answer["lbfgs"] = fit("lbfgs")
    return answer


def gbdt(task):
    params = dict(task.get("params", {}))
    model = HistGradientBoostingClassifier(
        categorical_features=np.array(task["categorical"], dtype=bool), random_state=0, **params
    )
    model.fit(matrix(task["train"]["X"]), np.array(task["train"]["y"]))
    scores = model.predict_proba(matrix(task["test"]["X"]))[:, 1]
    return {"auc": float(roc_auc_score(task["test"]["y"], scores)), "iterations": int(model.n_iter_)}


def auc(task):
    return {"auc": float(roc_auc_score(task["labels"], task["scores"]))}


def main():
    warnings.simplefilter("ignore")
    with open(sys.argv[1]) as f:
        task = json.load(f)
    answer = {"logistic": logistic, "gbdt": gbdt, "auc": auc}[task["task"]](task)
    answer["version"] = sklearn.__version__
    print(json.dumps(answer))


if __name__ == "__main__":
    main()
