package com.acme.shop.sandbox.window;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.acme.shop.sandbox.SandboxProperties;
import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;
import com.acme.shop.sandbox.payment.CreatedPayment;
import com.acme.shop.sandbox.payment.NewPayment;
import com.acme.shop.sandbox.payment.PaymentMethod;
import com.acme.shop.sandbox.payment.PaymentService;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The sandbox's payment window, reached from the browser SDK's {@code requestPayment}. The customer either approves
 * (the payment is created IN_PROGRESS and the browser goes to successUrl with paymentKey, orderId and amount), is
 * declined by the card company, or closes the window; the last two go to failUrl as Toss does, and a closed window
 * carries no orderId.
 */
@Controller
@RequestMapping("/sandbox/window")
class WindowController {

    private final PaymentService payments;

    private final List<String> clientKeys;

    private final String merchantName;

    WindowController(PaymentService payments, SandboxProperties properties) {
        this.payments = payments;
        this.clientKeys = properties.clientKeys();
        this.merchantName = properties.merchantName();
    }

    @GetMapping
    String show(@ModelAttribute WindowParams params, Model model) {
        WindowParams.Checkout checkout = params.validate(clientKeys);
        model.addAttribute("merchantName", merchantName);
        model.addAttribute("checkout", checkout);
        model.addAttribute("amountText", NumberFormat.getNumberInstance(Locale.KOREA).format(checkout.amount()) + "원");
        model.addAttribute("params", params);
        model.addAttribute("methods", methodChoices(checkout.method()));
        return "toss-sandbox/window";
    }

    @PostMapping("/approve")
    ResponseEntity<Void> approve(@ModelAttribute WindowParams params) {
        WindowParams.Checkout checkout = params.validate(clientKeys);
        CreatedPayment payment;
        try {
            payment = payments.create(new NewPayment(checkout.orderId(), checkout.amount(), checkout.orderName(),
                    checkout.method(), checkout.customerName()));
        }
        catch (TossException refused) {
            // Toss reports problems found at approval (duplicate orderId, amount too small) through failUrl.
            return redirect(RedirectUrls.withQuery(checkout.failUrl(), failure(refused.code(), refused.getMessage(),
                    checkout.orderId())));
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("paymentKey", payment.paymentKey());
        query.put("orderId", payment.orderId());
        query.put("amount", Long.toString(payment.amount()));
        query.put("paymentType", "NORMAL");
        return redirect(RedirectUrls.withQuery(checkout.successUrl(), query));
    }

    @PostMapping("/decline")
    ResponseEntity<Void> decline(@ModelAttribute WindowParams params) {
        WindowParams.Checkout checkout = params.validate(clientKeys);
        TossErrorCode code = TossErrorCode.REJECT_CARD_COMPANY;
        return redirect(RedirectUrls.withQuery(checkout.failUrl(), failure(code, code.message(), checkout.orderId())));
    }

    @PostMapping("/cancel")
    ResponseEntity<Void> cancel(@ModelAttribute WindowParams params) {
        WindowParams.Checkout checkout = params.validate(clientKeys);
        TossErrorCode code = TossErrorCode.PAY_PROCESS_CANCELED;
        return redirect(RedirectUrls.withQuery(checkout.failUrl(), failure(code, code.message(), null)));
    }

    /** Bad window parameters are shown to the customer in the window, as Toss does, not sent to failUrl. */
    @ExceptionHandler
    ModelAndView invalidParameters(TossException error) {
        ModelAndView page = new ModelAndView("toss-sandbox/window-error", HttpStatus.BAD_REQUEST);
        page.addObject("code", error.code().name());
        page.addObject("message", error.getMessage());
        return page;
    }

    /** The customer may switch method in the window; the one the SDK asked for is preselected. */
    private static List<PaymentMethod> methodChoices(PaymentMethod requested) {
        List<PaymentMethod> choices = new ArrayList<>(List.of(PaymentMethod.CARD, PaymentMethod.EASY_PAY,
                PaymentMethod.TRANSFER, PaymentMethod.VIRTUAL_ACCOUNT));
        if (!choices.contains(requested)) {
            choices.add(requested);
        }
        return choices;
    }

    private static Map<String, String> failure(TossErrorCode code, String message, String orderId) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", code.name());
        query.put("message", message);
        if (orderId != null) {
            query.put("orderId", orderId);
        }
        return query;
    }

    private static ResponseEntity<Void> redirect(String location) {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location).build();
    }

}
