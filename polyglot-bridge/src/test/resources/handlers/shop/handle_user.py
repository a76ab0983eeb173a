"""A handler using the handle: it creates a follow-up task, reads its status, publishes an event and logs."""

import tasker
from tasker import StepHandler


class CreateFollowUp(StepHandler):
    def process(self, task, sequence, step):
        engine = tasker.handle()
        follow_up = engine.create_task("tests", "follow_up", "1.0.0", {"parent_task": task.task_id},
                                       "follow-up-of-%d" % task.task_id)
        engine.publish_custom_event("order.follow_up_created", {"follow_up": follow_up})
        engine.log("info", "created a follow-up task", {"follow_up": follow_up})
        return {"follow_up": follow_up, "status": engine.task_status(follow_up),
                "own_status": engine.task_status(task.task_id), "rate": engine.handler_config()["rate"]}
