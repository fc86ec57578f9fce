"""The formatting layer: the message catalogue and the functions that turn values, units and
problems into Chinese or English text. The only place that chooses between languages."""
