// ScenarioFile module
