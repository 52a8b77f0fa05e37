/* pd-welcome-page.c: open a database, make one, or try the demo */
#include "config.h"

#include "pd-welcome-page.h"

struct _PdWelcomePage
{
  AdwBin     parent_instance;

  GtkWidget *open_button;
};

G_DEFINE_FINAL_TYPE (PdWelcomePage, pd_welcome_page, ADW_TYPE_BIN)

GtkWidget *
pd_welcome_page_new (void)
{
  return g_object_new (PD_TYPE_WELCOME_PAGE, NULL);
}

static gboolean
pd_welcome_page_grab_focus (GtkWidget *widget)
{
  PdWelcomePage *self = PD_WELCOME_PAGE (widget);

  return gtk_widget_grab_focus (self->open_button);
}

static void
pd_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PD_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (pd_welcome_page_parent_class)->dispose (object);
}

static void
pd_welcome_page_class_init (PdWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_welcome_page_dispose;
  widget_class->grab_focus = pd_welcome_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/welcome/pd-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdWelcomePage, open_button);
}

static void
pd_welcome_page_init (PdWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
