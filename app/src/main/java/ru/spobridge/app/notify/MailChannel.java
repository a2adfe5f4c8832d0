package ru.spobridge.app.notify;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.store.NotificationStore.Subscription;

/** Plain-text UTF-8 e-mail through the SMTP server of {@code spring.mail.*}; off while no server is set. */
@Component
class MailChannel implements NotificationChannel {

    static final String EMAIL = "EMAIL";

    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationSettings settings;

    MailChannel(ObjectProvider<JavaMailSender> sender, NotificationSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public String name() {
        return EMAIL;
    }

    @Override
    public boolean available() {
        JavaMailSender mail = sender.getIfAvailable();
        // config/application.yml states spring.mail.host as ${SPO_MAIL_HOST:}: an empty host means no server
        return mail != null && !(mail instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank()));
    }

    @Override
    public void send(Subscription recipient, Notification notification) throws Exception {
        JavaMailSender mail = sender.getObject();
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(recipient.address());
        helper.setSubject(notification.title());
        helper.setText(notification.text().strip() + "\n\nОткрыть в консоли: " + notification.consoleUrl() + "\n\n" + footer(recipient));
        mail.send(message);
    }

    private static String footer(Subscription recipient) {
        return "—\nПисьмо отправлено узлом обмена spo-bridge автоматически; отвечать на него не нужно.\n"
                + "Персональные данные обучающихся и сотрудников в уведомления не включаются — подробности в консоли.\n"
                + "Вы получаете его как «" + recipient.role() + "». Получателей настраивает администратор узла.";
    }
}
