"""The buurtoverleg's pages, by who opens them: coordinator (the manage link), plan (manage and
participant links), participant (the participant and edit links); lookup finds what a link opens."""
