"""Meaning features of a copy sentence against its source, from a paraphrase model (the
optional ``[meaning]`` extra): how much of each sentence the other expresses, and which of the
copy's words a model trained on translators' error spans takes for a mistranslation."""
