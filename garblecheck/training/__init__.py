"""Training support for the sentence classifier: the spinner that makes garbled copies of clean
sentences, the labelled datasets (split by document), and the metrics with their baselines.

Nothing at run time imports this package; it imports features, knowledge and the spinner only.
"""
