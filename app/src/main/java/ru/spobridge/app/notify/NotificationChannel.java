package ru.spobridge.app.notify;

import ru.spobridge.routes.store.NotificationStore.Subscription;

/** One way of telling a recipient: e-mail or webhook. */
interface NotificationChannel {

    /** EMAIL or WEBHOOK, as stored in a subscription. */
    String name();

    /** False when this instance cannot send this way (no SMTP server set): the message stays unclaimed for another. */
    boolean available();

    /** Sends or throws; a throw gives the claim back so that the next poll tries again. */
    void send(Subscription recipient, Notification notification) throws Exception;
}
