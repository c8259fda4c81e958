"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FormProvider, useForm, useFormContext, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { appRegistrationSchema, type AppRegistration, type AppRegistrationInput } from "@/lib/apps/schemas";
import { AVAILABILITY_OPTIONS, CLIENT_TYPE_OPTIONS } from "@/lib/apps/labels";
import { createAppAction, updateAppAction } from "@/lib/apps/actions";
import { FormAlert, FormSection, primaryButton } from "@/components/form/field";
import { ChoiceCards } from "./choice-cards";
import { RedirectUrisField } from "./redirect-uris-field";
import { ScopesField } from "./scopes-field";
import { TextField } from "./text-field";
import { AppCreated, type CreatedAppResult } from "./app-created";
import { WebhookSecretOnce } from "@/components/webhooks/webhook-secret-once";

type Props = {
  groupSlug: string;
  defaultValues: AppRegistrationInput;
  canPublishGlobal: boolean;
  // Editing an existing app (its client type is fixed), or registering a new one.
  clientId?: string;
};

export function AppForm({ groupSlug, defaultValues, canPublishGlobal, clientId }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [created, setCreated] = useState<CreatedAppResult>();
  // A webhook signing secret made by the last save (a webhook URL was added): shown once.
  const [webhookSecret, setWebhookSecret] = useState<string | null>(null);
  const form = useForm<AppRegistrationInput, unknown, AppRegistration>({ resolver: zodResolver(appRegistrationSchema), defaultValues, mode: "onTouched" });

  const onSubmit = form.handleSubmit(async () => {
    setFormError(undefined);
    setSaved(false);
    const values = form.getValues();
    const result = clientId ? await updateAppAction(groupSlug, clientId, values) : await createAppAction(groupSlug, values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fields ?? {})) form.setError(field as Path<AppRegistrationInput>, { message });
      setFormError(result.error);
      return;
    }
    if (clientId) {
      form.reset(values);
      setSaved(true);
      if ("webhookSecret" in result.data && result.data.webhookSecret) setWebhookSecret(result.data.webhookSecret);
      router.refresh();
    } else if ("clientId" in result.data) {
      setCreated(result.data);
      // Reloading from here shows the app's settings, never the secret again.
      window.history.replaceState(null, "", `/g/${groupSlug}/settings/apps/${result.data.clientId}`);
    }
  });

  if (created) return <AppCreated groupSlug={groupSlug} result={created} />;

  const availability = (Object.keys(AVAILABILITY_OPTIONS) as (keyof typeof AVAILABILITY_OPTIONS)[])
    .filter((value) => value !== "GLOBAL" || canPublishGlobal)
    .map((value) => ({ value, ...AVAILABILITY_OPTIONS[value] }));
  const clientTypes = (Object.keys(CLIENT_TYPE_OPTIONS) as (keyof typeof CLIENT_TYPE_OPTIONS)[]).map((value) => ({ value, ...CLIENT_TYPE_OPTIONS[value] }));
  const { errors, isSubmitting } = form.formState;

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        {formError && <div className="mb-6"><FormAlert>{formError}</FormAlert></div>}
        <FormSection title="Basics" description="How the app is shown to admins on the Browse App Registrations panel and to people on the consent screen.">
          <TextField name="name" label="App name" placeholder="Acme Timesheets" />
          <TextField name="description" label="Description" optional multiline hint="One or two sentences on what the app does." />
          <TextField name="logoUrl" label="Logo URL" optional placeholder="https://app.example.com/logo.png" />
          <TextField name="homepageUrl" label="Homepage URL" optional placeholder="https://app.example.com" />
        </FormSection>
        <FormSection title="Authentication" description="How the app proves who it is, and where people return after they consent.">
          <ChoiceCards name="clientType" legend="Client type" options={clientTypes} disabled={!!clientId} error={errors.clientType?.message} />
          {clientId && <p className="-mt-3 text-xs text-slate-500">The client type is fixed at registration.</p>}
          <RedirectUrisField />
          <ScopesField />
        </FormSection>
        <FormSection title="Availability" description="Registering an app enables nothing: each group must still Add Consent.">
          <ChoiceCards name="availability" legend="Scope" options={availability} error={errors.availability?.message} />
        </FormSection>
        <FormSection title="Installation" description="What happens when a group installs the app.">
          <TextField name="setupUrl" label="Setup URL" optional hint="Where admins are sent after Add Consent (“Install App”). It should start your OAuth flow." placeholder="https://app.example.com/install" />
          <TextField name="webhookUrl" label="Webhook URL" optional hint="Receives a signed POST for every change in groups where the app is installed." placeholder="https://app.example.com/webhooks/tessera" />
          <MentionableField />
        </FormSection>
        <FormSection title="Publisher and contact" description="Helps admins decide whether to trust the app.">
          <TextField name="contactEmail" label="Contact email" type="email" />
          <TextField name="publisherName" label="Publisher (organization name)" optional placeholder="Acme Corp" />
          <TextField name="publisherUrl" label="Publisher website" optional placeholder="https://example.com" />
          <TextField name="privacyPolicyUrl" label="Privacy policy URL" optional />
          <TextField name="termsUrl" label="Terms of service URL" optional />
        </FormSection>
        {webhookSecret && (
          <div className="mb-6">
            <WebhookSecretOnce secret={webhookSecret} />
          </div>
        )}
        <div className="flex items-center justify-end gap-3 border-t border-slate-200 pt-6">
          {saved && <span role="status" className="text-sm text-emerald-700">Changes saved.</span>}
          <button type="submit" disabled={isSubmitting} className={primaryButton}>
            {isSubmitting ? "Saving…" : clientId ? "Save changes" : "Register app"}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

function MentionableField() {
  const { register } = useFormContext<AppRegistrationInput>();
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3">
      <input type="checkbox" {...register("isMentionable")} className="mt-1 accent-brand-600" />
      <span>
        <span className="text-sm font-medium text-slate-900">Is Mentionable</span>
        <span className="block text-xs text-slate-600">The app acts as an agent: its bot can be @mentioned in comments and assigned work items in groups where it is installed.</span>
      </span>
    </label>
  );
}
