"""The evaluator's terminal UI (Textual). Screens format the engine's results; they never
compute scores. Every change goes to the store at once."""
